using System.Net;

namespace Reassess.Sources.Http;

/// <summary>
/// Which redirects <see cref="HttpPuller"/> follows. A request carrying configured headers (API keys, bearer tokens) is
/// followed only to the same origin — scheme, host and port — since the headers would go wherever the redirect points;
/// one without them may go to another origin (a public sheet moved to a CDN). Never from https to http, never more than
/// <see cref="HttpPullOptions.MaxRedirects"/> times in one attempt.
/// </summary>
internal static class RedirectRule
{
    /// <summary>Where <paramref name="response"/> redirects to, absolute, or null when it is no redirect (or names no place).</summary>
    public static Uri? Target(Uri requested, HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
        && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(requested, location)
            : null;

    /// <summary>
    /// Why the redirect from <paramref name="from"/> to <paramref name="to"/> is not followed, worded to follow
    /// "GET {url} ", or null to follow it. <paramref name="followed"/> counts the redirects this attempt followed already.
    /// </summary>
    public static string? Refusal(Uri from, Uri to, int status, bool sendsHeaders, int followed, int maxRedirects)
    {
        var redirect = $"answered {status} redirecting to {to}";
        if (to.Scheme is not ("http" or "https"))
            return $"{redirect}, which is not an http or https URL; not followed";
        if (from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp)
            return $"{redirect}, from https down to plain http; not followed, as the request would travel unencrypted. " +
                   "Configure the source's https URL";
        if (followed >= maxRedirects)
            return $"{redirect} after {followed} redirect{(followed == 1 ? "" : "s")} already; stopped at the limit of {maxRedirects}, " +
                   "as the server may be redirecting in a loop";
        if (sendsHeaders && Origin(from) != Origin(to))
            return $"{redirect}, on another origin ({Origin(from)} → {Origin(to)}); not followed, so the credentials sent to " +
                   $"{Origin(from)} were not sent to {Origin(to)}. If the API has really moved, configure its new URL ({to}) as the source";
        return null;
    }

    /// <summary>Scheme, host and port, the port always written: <c>https://api.anthropic.com:443</c>.</summary>
    private static string Origin(Uri url) =>
        url.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped).ToLowerInvariant();
}
