using System.Globalization;

namespace Reassess.Sources.Http;

/// <summary>
/// One answered GET: the URL that answered (the one asked for, or where its redirects led), the body (empty when
/// <see cref="NotModified"/>), the validators to send next time, and how many attempts it took.
/// </summary>
public sealed record HttpPull(Uri Url, int StatusCode, byte[] Body, HttpValidators Validators, int Attempts)
{
    /// <summary>The server answered 304 to a conditional request: what was fetched last time is still current.</summary>
    public bool NotModified => StatusCode == 304;
}

/// <summary>
/// What makes a request conditional: the <c>ETag</c> and <c>Last-Modified</c> a server gave with a body. Sent back as
/// <c>If-None-Match</c> / <c>If-Modified-Since</c>, a server that supports them answers 304 when nothing changed.
/// </summary>
public sealed record HttpValidators(string? ETag, DateTimeOffset? LastModified)
{
    private const string ETagKey = "etag";
    private const string LastModifiedKey = "lastmodified";

    public static HttpValidators None { get; } = new(null, null);

    public bool IsEmpty => ETag is null && LastModified is null;

    /// <summary>As blob metadata (ASCII name/value pairs), to keep beside the archived body.</summary>
    public IReadOnlyDictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ETag is not null) metadata[ETagKey] = ETag;
        if (LastModified is { } modified) metadata[LastModifiedKey] = modified.ToString("R", CultureInfo.InvariantCulture);
        return metadata;
    }

    /// <summary>Read back from metadata written by <see cref="ToMetadata"/>; <see cref="None"/> when absent.</summary>
    public static HttpValidators FromMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null) return None;
        var etag = metadata.TryGetValue(ETagKey, out var e) && e.Length > 0 ? e : null;
        DateTimeOffset? modified = metadata.TryGetValue(LastModifiedKey, out var m)
            && DateTimeOffset.TryParseExact(m, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : null;
        return new HttpValidators(etag, modified);
    }
}

/// <summary>A GET that could not be answered: names the URL, the last status (if any), the attempts made and what to do.</summary>
public sealed class HttpPullException(Uri url, int? statusCode, int attempts, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public Uri Url { get; } = url;
    public int? StatusCode { get; } = statusCode;
    public int Attempts { get; } = attempts;
}
