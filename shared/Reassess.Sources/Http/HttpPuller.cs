using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace Reassess.Sources.Http;

/// <summary>
/// GETs a source over HTTP the way a daily job must: each attempt with its own timeout; 408, 429, 5xx, timeouts,
/// dropped connections and cut-off bodies retried with exponential backoff and jitter, honouring <c>Retry-After</c>;
/// conditional requests (<c>If-None-Match</c>, <c>If-Modified-Since</c>) when validators from a previous pull are
/// given; and a clear <see cref="HttpPullException"/> naming the URL when it cannot be done. Clients come from
/// <see cref="IHttpClientFactory"/> (named <see cref="ClientName"/>) so handlers are pooled and configurable.
/// <para>
/// Redirects (301, 302, 303, 307, 308) are followed here, not by the client, because a client that follows them itself
/// re-sends every header but <c>Authorization</c> — an <c>x-api-key</c> — to wherever the redirect points. The rule
/// (<see cref="RedirectRule"/>): a request carrying configured headers (<see cref="HttpPullOptions.Headers"/>, all of
/// them treated as secrets) follows a redirect only to its own origin (scheme, host, port); to another origin it is
/// refused with a <see cref="HttpPullException"/> naming both and the new URL, the headers unsent. A request without
/// configured headers follows to any origin. None follows https to http, nor more than
/// <see cref="HttpPullOptions.MaxRedirects"/> redirects. Configured headers are never sent through a client seen to
/// follow redirects itself (<see cref="AutoRedirects"/>; register the client with
/// <see cref="HttpPullerServices.AddHttpPullerClient"/>), and their values are cut out of every message.
/// </para>
/// </summary>
public sealed class HttpPuller
{
    /// <summary>The named client asked of the factory; register it with <see cref="HttpPullerServices.AddHttpPullerClient"/> and configure proxies or handlers on what that returns.</summary>
    public const string ClientName = "reassess-sources";

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _clock;
    private readonly Func<double> _jitter;

    /// <param name="jitter">A number in [0, 1) per retry; random by default (tests pass a fixed one).</param>
    public HttpPuller(IHttpClientFactory clients, TimeProvider? clock = null, HttpPullOptions? options = null, Func<double>? jitter = null)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _clock = clock ?? TimeProvider.System;
        Options = options ?? new HttpPullOptions();
        if (Options.MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1.");
        if (Options.MaxRedirects < 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxRedirects must not be negative.");
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public HttpPullOptions Options { get; }

    /// <summary>
    /// GETs <paramref name="url"/>. With <paramref name="known"/> validators the request is conditional and a 304 comes
    /// back as a pull with <see cref="HttpPull.NotModified"/> and no body. Throws <see cref="HttpPullException"/>
    /// when every attempt failed or the server refused the request (4xx other than 408/429).
    /// </summary>
    public async Task<HttpPull> GetAsync(Uri url, HttpValidators? known = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{url}' is not an http or https URL.", nameof(url));
        if (SendsHeaders && AutoRedirects.AreOn(_clients, ClientName))
            throw new HttpPullException(url, null, 0,
                $"GET {url} not sent: the HTTP client '{ClientName}' follows redirects by itself, which would pass the configured " +
                "headers (credentials) on to any host a redirect names. Build it with AllowAutoRedirect = false (AddHttpPullerClient does); " +
                "the puller then follows redirects itself, within one origin.");

        using var client = _clients.CreateClient(ClientName);
        // Each attempt has its own timeout below; the client's single overall timeout would cut across retries.
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;

        string? lastProblem = null;
        int? lastStatus = null;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(client, url, known, attempt, cancellationToken).ConfigureAwait(false);
            if (outcome.Pull is { } pull) return pull;

            lastProblem = outcome.Problem;
            lastStatus = outcome.Status ?? lastStatus;
            if (!outcome.Retryable)
                throw new HttpPullException(url, lastStatus, attempt, $"GET {url} {lastProblem}", outcome.Error);
            if (attempt >= Options.MaxAttempts)
                throw new HttpPullException(url, lastStatus, attempt,
                    $"GET {url} failed after {attempt} attempt{(attempt == 1 ? "" : "s")}: {lastProblem}. The last good data stays in force; try again later or check the URL.",
                    outcome.Error);

            var wait = outcome.RetryAfter ?? Backoff(attempt);
            if (wait > Options.MaxRetryAfter)
                throw new HttpPullException(url, lastStatus, attempt,
                    $"GET {url} {lastProblem} and asks to wait {Seconds(wait)}, more than the {Seconds(Options.MaxRetryAfter)} a pull waits; try again later.");
            Options.OnRetry?.Invoke($"GET {url} {lastProblem}; attempt {attempt + 1} of {Options.MaxAttempts} in {Seconds(wait)}");
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// GETs <paramref name="first"/> and every page after it, as long as <paramref name="nextPage"/> finds a link in the
    /// page just read (see <see cref="NextPage"/>). Each page is retried on its own; a loop stops at
    /// <see cref="HttpPullOptions.MaxPages"/> with an error. With <paramref name="known"/> validators the first page is
    /// asked conditionally, and a 304 there is the only page.
    /// </summary>
    public async IAsyncEnumerable<HttpPull> GetPagesAsync(
        Uri first, Func<HttpPull, Uri?> nextPage, HttpValidators? known = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nextPage);
        var url = first;
        for (var page = 1; ; page++)
        {
            var pull = await GetAsync(url, page == 1 ? known : null, cancellationToken).ConfigureAwait(false);
            yield return pull;
            if (pull.NotModified || nextPage(pull) is not { } next) yield break;
            if (page >= Options.MaxPages)
                throw new HttpPullException(next, null, 1,
                    $"GET {first} links more than {Options.MaxPages} pages (the next would be {next}); stopped, as the server may be linking pages in a loop.");
            url = next;
        }
    }

    private sealed record Attempt(HttpPull? Pull, bool Retryable, string Problem, int? Status, TimeSpan? RetryAfter, Exception? Error = null);

    private bool SendsHeaders => Options.Headers.Count > 0;

    /// <summary>One attempt: the GET of <paramref name="url"/> and the redirects the rule lets it follow, within one timeout.</summary>
    private async Task<Attempt> AttemptAsync(HttpClient client, Uri url, HttpValidators? known, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var hop = url;
            for (var followed = 0; ; followed++)
            {
                using var request = Request(hop, known);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                if (RedirectRule.Target(hop, response) is not { } target)
                    return await AnswerAsync(response, hop, known, attempt, linked.Token).ConfigureAwait(false);

                var status = (int)response.StatusCode;
                if (RedirectRule.Refusal(hop, target, status, SendsHeaders, followed, Options.MaxRedirects) is { } refusal)
                    return new Attempt(null, false, refusal, status, null);
                hop = target;
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(null, true, $"timed out after {Seconds(Options.Timeout)}", null, null, e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded || e.InnerException is IOException)
        {
            return new Attempt(null, true, $"sent a truncated body: the connection closed before the whole response arrived ({e.Message})", null, null, e);
        }
        catch (HttpRequestException e)
        {
            return new Attempt(null, true, $"could not be reached ({e.Message})", null, null, e);
        }
        catch (IOException e)
        {
            return new Attempt(null, true, $"sent a truncated body: the connection closed before the whole response arrived ({e.Message})", null, null, e);
        }
    }

    private HttpRequestMessage Request(Uri url, HttpValidators? known)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in Options.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (known?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (known?.LastModified is { } modified) request.Headers.IfModifiedSince = modified;
        return request;
    }

    /// <summary>What a response other than a redirect makes of the attempt: the pull, or the problem and whether to retry.</summary>
    private async Task<Attempt> AnswerAsync(HttpResponseMessage response, Uri url, HttpValidators? known, int attempt, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
            return new Attempt(new HttpPull(url, status, [], known ?? HttpValidators.None, attempt), false, "", status, null);

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            if (Truncation(response, body) is { } cut) return new Attempt(null, true, cut, status, null);
            return new Attempt(new HttpPull(url, status, body, ValidatorsOf(response), attempt), false, "", status, null);
        }

        // The reason phrase and the body are the server's words: one echoing a key back must not put it in a log.
        var problem = $"answered {status} {Redact(response.ReasonPhrase ?? "")}{Excerpt(body)}";
        var retryable = status is 408 or 429 || status >= 500;
        return retryable
            ? new Attempt(null, true, problem, status, RetryAfter(response))
            : new Attempt(null, false, $"{problem}; not retried (a {status} will not change by asking again): check the URL and credentials", status, null);
    }

    /// <summary>Why the body cannot be complete, or null: fewer bytes than Content-Length, or not the JSON promised.</summary>
    private string? Truncation(HttpResponseMessage response, byte[] body)
    {
        if (response.Content.Headers.ContentLength is { } declared && response.Content.Headers.ContentEncoding.Count == 0 && declared != body.Length)
            return $"sent a truncated body: {body.Length:N0} of the {declared:N0} bytes its Content-Length announced";
        return JsonBodyCheck.Problem(body, Options.Body) is { } problem ? $"sent a truncated body: {problem}" : null;
    }

    private static HttpValidators ValidatorsOf(HttpResponseMessage response) => new(
        response.Headers.ETag?.ToString(),
        response.Content.Headers.LastModified);

    private TimeSpan? RetryAfter(HttpResponseMessage response) => RetryWait.RetryAfter(response, _clock);

    private TimeSpan Backoff(int attempt) => RetryWait.Backoff(attempt, Options.FirstRetryDelay, Options.MaxRetryDelay, _jitter());

    /// <summary>The start of an error body, redacted before it is cut so that no part of a secret survives the cut.</summary>
    private string Excerpt(byte[] body)
    {
        const int Shown = 200;
        if (body.Length == 0) return "";
        var text = Redact(System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64 * 1024)).ReplaceLineEndings(" ")).Trim();
        return text.Length == 0 ? "" : $" ({(text.Length > Shown ? text[..Shown] + "…" : text)})";
    }

    /// <summary><paramref name="text"/> without the configured header values, nor the token after a scheme (<c>Bearer sk-…</c>).</summary>
    private string Redact(string text)
    {
        foreach (var value in Options.Headers.Values)
        {
            var token = value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            foreach (var secret in new[] { value.Trim(), token })
                if (!string.IsNullOrEmpty(secret)) text = text.Replace(secret, "[header value]", StringComparison.Ordinal);
        }

        return text;
    }

    private static string Seconds(TimeSpan span) => RetryWait.Seconds(span);
}
