using System.Globalization;

namespace Reassess.Sources.Http;

/// <summary>
/// How long an HTTP client waits before asking again, shared by everything that retries a request (the pullers, the
/// webhook deliveries): what the server asked for in <c>Retry-After</c> when it said, otherwise exponential backoff with
/// jitter, so many clients failing together do not come back in step.
/// </summary>
public static class RetryWait
{
    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date, read against <paramref name="clock"/>), or null when there is none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        if (response.Headers.RetryAfter is not { } header) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/>: <paramref name="first"/> doubled each time, capped at
    /// <paramref name="max"/>, with "equal jitter" (half fixed, half times <paramref name="jitter"/>, a number in [0, 1)).
    /// </summary>
    public static TimeSpan Backoff(int attempt, TimeSpan first, TimeSpan max, double jitter)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * jitter);
    }

    /// <summary>A wait as people read it in a message: <c>1.5 s</c>.</summary>
    public static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
