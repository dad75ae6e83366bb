namespace Reassess.Sources.Http;

/// <summary>How an <see cref="HttpPuller"/> behaves; the defaults suit a daily pull of a public price list or usage API.</summary>
public sealed record HttpPullOptions
{
    /// <summary>Per attempt, headers and body together: a stalled server costs this much, then the attempt is retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all, the first included. Retried: 408, 429, 5xx, timeouts, dropped connections, cut-off bodies.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; it doubles each time (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> honoured; a server asking for more fails the pull at once rather than stall the job.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>What a 2xx body must be; a body that is not (cut off mid-document) counts as truncated and is retried.</summary>
    public HttpBody Body { get; init; } = HttpBody.Any;

    /// <summary>The most pages <see cref="HttpPuller.GetPagesAsync"/> follows; a server linking pages in a loop stops here with an error.</summary>
    public int MaxPages { get; init; } = 1_000;

    /// <summary>
    /// Headers sent with every request (an API key, <c>Accept</c>, a version header). All of them are kept as secrets:
    /// never sent to another origin than the URL asked for, and their values kept out of every message.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Redirects followed in one attempt (see <see cref="HttpPuller"/> for which); one more fails the pull as a loop.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Told about each retry ("GET … answered 503; attempt 2 of 4 in 1.2 s"), for progress logs.</summary>
    public Action<string>? OnRetry { get; init; }
}

/// <summary>What a successful body is expected to be.</summary>
public enum HttpBody
{
    /// <summary>Any bytes; only a Content-Length mismatch counts as truncated.</summary>
    Any,

    /// <summary>One complete JSON document.</summary>
    Json,

    /// <summary>JSON lines (NDJSON): every non-blank line a complete JSON value.</summary>
    JsonLines,
}
