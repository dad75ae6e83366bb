using System.Text.Json;

namespace Reassess.Sources.Http;

/// <summary>Ready-made "where is the next page" functions for <see cref="HttpPuller.GetPagesAsync"/>.</summary>
public static class NextPage
{
    /// <summary>
    /// The link at a JSON property path of the page, e.g. <c>NextPageLink</c> (Azure Retail Prices) or
    /// <c>links</c>, <c>next</c> (OpenRouter); null, empty or absent ends the paging. A relative link is taken
    /// against the page's URL.
    /// </summary>
    public static Func<HttpPull, Uri?> FromJson(params string[] path)
    {
        if (path.Length == 0) throw new ArgumentException("Give the property path of the next-page link.", nameof(path));
        return page =>
        {
            if (page.Body.Length == 0) return null;
            using var document = JsonDocument.Parse(page.Body);
            var element = document.RootElement;
            foreach (var name in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !TryGetProperty(element, name, out element)) return null;
            }

            return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } link
                ? new Uri(page.Url, link)
                : null;
        };
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            value = property.Value;
            return true;
        }

        value = default;
        return false;
    }
}
