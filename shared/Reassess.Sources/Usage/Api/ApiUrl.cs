using System.Text;

namespace Reassess.Sources.Usage.Api;

/// <summary>Builds a request URL from what a person configures: an API's base (<c>https://api.openai.com</c>) or the full endpoint.</summary>
public static class ApiUrl
{
    /// <summary>
    /// <paramref name="endpoint"/> with <paramref name="path"/> appended unless it already ends with it, and the query
    /// parameters added after any it has (a parameter may repeat, as <c>group_by</c> does).
    /// </summary>
    public static Uri Build(Uri endpoint, string path, IEnumerable<(string Name, string Value)> query)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var builder = new UriBuilder(endpoint);
        // "https://management.azure.com/" + "/subscriptions/…" as settings join them: one slash between path parts.
        var basePath = string.Join('/', builder.Path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        basePath = basePath.Length == 0 ? "" : "/" + basePath;
        if (!basePath.EndsWith(path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) builder.Path = basePath + path;

        var text = new StringBuilder(builder.Query.TrimStart('?'));
        foreach (var (name, value) in query)
        {
            if (text.Length > 0) text.Append('&');
            text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        builder.Query = text.ToString();
        return builder.Uri;
    }
}
