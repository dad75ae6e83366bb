namespace Reassess.Pipeline.Delivery;

/// <summary>
/// A webhook URL, which is a secret: whoever has a Teams Workflows, Slack or generic webhook URL can post to the
/// channel, the key being in the path (Slack's <c>/services/T…/B…/…</c>) or the query (Workflows' <c>sig=</c>). Only
/// <see cref="Redacted"/> (scheme and host) is ever written to a log, an error, a delivery record or telemetry;
/// <see cref="ToString"/> gives that too, so an address put into a message by mistake shows nothing secret.
/// </summary>
public sealed class WebhookAddress
{
    private WebhookAddress(Uri url)
    {
        Url = url;
        Redacted = RedactedOf(url);
    }

    /// <summary>The whole URL, for the request only.</summary>
    public Uri Url { get; }

    /// <summary>Scheme and host with the rest cut: <c>https://prod-12.westeurope.logic.azure.com/…</c>.</summary>
    public string Redacted { get; }

    /// <summary>The address, or why <paramref name="text"/> cannot be one (the message never repeats the text, which may be a real URL).</summary>
    public static WebhookAddress? TryParse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is empty";
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            problem = "is not an absolute http or https URL";
            return null;
        }

        if (url.UserInfo.Length > 0)
        {
            problem = $"has a user name or password before the host ({RedactedOf(url)}); webhooks take their key in the URL path or query, never in user info";
            return null;
        }

        return new WebhookAddress(url);
    }

    public static string RedactedOf(Uri url) =>
        url.IsDefaultPort ? $"{url.Scheme}://{url.Host}/…" : $"{url.Scheme}://{url.Host}:{url.Port}/…";

    /// <summary>
    /// <paramref name="text"/> (an error body, an exception message) with every trace of this URL cut out: the whole URL,
    /// its path and query, and each path segment or query value long enough to be a key.
    /// </summary>
    public string Scrub(string text)
    {
        if (text.Length == 0) return text;
        var secrets = new List<string> { Url.OriginalString, Url.AbsoluteUri, Url.PathAndQuery, Url.Query.TrimStart('?') };
        secrets.AddRange(Url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var pair in Url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            secrets.Add(pair[(pair.IndexOf('=') + 1)..]);
        foreach (var secret in secrets.Where(s => s.Length >= 6).SelectMany(s => new[] { s, Uri.UnescapeDataString(s) }).Distinct().OrderByDescending(s => s.Length))
            text = text.Replace(secret, "…", StringComparison.OrdinalIgnoreCase);
        return text;
    }

    public override string ToString() => Redacted;
}
