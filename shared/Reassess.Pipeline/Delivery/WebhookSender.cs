using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Sources.Http;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// POSTs a message's JSON body (an Adaptive Card, Slack blocks, the generic payload) to a webhook, the way a delivery
/// that must not be lost nor sent twice in one run has to: each attempt with its own timeout, so a server that hangs
/// ends in a timeout; 408, 429, 5xx, timeouts and failed connections retried with exponential backoff, honouring
/// <c>Retry-After</c> up to <see cref="WebhookSendOptions.MaxRetryAfter"/>; redirects not followed, as the body would
/// go wherever they point. It never throws for the webhook's failures: the <see cref="DeliveryResult"/> says how it
/// went, and neither it, the logs nor the telemetry ever hold the URL's path or query, where webhooks keep their key.
/// Clients come from <see cref="IHttpClientFactory"/> by <see cref="ClientName"/> (<see cref="DeliveryServices.AddWebhookClient"/>).
/// </summary>
public sealed class WebhookSender
{
    public const string ClientName = "reassess-delivery";

    /// <summary>Set on every request with the redacted address, so telemetry can record that instead of the URL.</summary>
    public static readonly HttpRequestOptionsKey<string> RedactedUrl = new("Reassess.Delivery.RedactedUrl");

    private const int ShownBody = 200;

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Func<double> _jitter;

    /// <param name="jitter">A number in [0, 1) per retry; random by default (tests pass a fixed one).</param>
    public WebhookSender(IHttpClientFactory clients, TimeProvider? clock = null, WebhookSendOptions? options = null, ILogger? logger = null, Func<double>? jitter = null)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _clock = clock ?? TimeProvider.System;
        Options = options ?? new WebhookSendOptions();
        if (Options.MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1.");
        _logger = logger ?? NullLogger.Instance;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public WebhookSendOptions Options { get; }

    /// <summary>Sends <paramref name="json"/> to <paramref name="address"/>; only the caller's own cancellation throws.</summary>
    public async Task<DeliveryResult> SendAsync(WebhookAddress address, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(json);
        using var client = _clients.CreateClient(ClientName);
        // Each attempt has its own timeout; the client's single overall timeout would cut across the retries.
        client.Timeout = Timeout.InfiniteTimeSpan;

        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(client, address, json, cancellationToken).ConfigureAwait(false);
            if (outcome.Delivered) return DeliveryResult.Sent(attempt, outcome.Status, address.Redacted);
            if (!outcome.Retryable)
                return DeliveryResult.Failed(attempt, outcome.Status, address.Redacted, outcome.Problem);
            if (attempt >= Options.MaxAttempts)
                return DeliveryResult.Failed(attempt, outcome.Status, address.Redacted,
                    $"{outcome.Problem}; gave up after {attempt} attempt{(attempt == 1 ? "" : "s")}");

            var wait = outcome.RetryAfter ?? RetryWait.Backoff(attempt, Options.FirstRetryDelay, Options.MaxRetryDelay, _jitter());
            if (wait > Options.MaxRetryAfter)
                return DeliveryResult.Failed(attempt, outcome.Status, address.Redacted,
                    $"{outcome.Problem} and asks to wait {RetryWait.Seconds(wait)}, more than the {RetryWait.Seconds(Options.MaxRetryAfter)} a delivery waits");
            _logger.LogInformation("Webhook {Destination} {Problem}; attempt {Next} of {MaxAttempts} in {Wait}",
                address.Redacted, outcome.Problem, attempt + 1, Options.MaxAttempts, RetryWait.Seconds(wait));
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record Attempt(bool Delivered, bool Retryable, int? Status, string Problem, TimeSpan? RetryAfter = null);

    private async Task<Attempt> AttemptAsync(HttpClient client, WebhookAddress address, string json, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, address.Url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Options.Set(RedactedUrl, address.Redacted);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new Attempt(true, false, status, "");

            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var problem = $"answered {status} {address.Scrub(response.ReasonPhrase ?? "")}{Excerpt(address, body)}".Replace("  ", " ", StringComparison.Ordinal);
            if (status is >= 300 and < 400)
                return new Attempt(false, false, status, $"{problem}: a redirect, which a webhook delivery does not follow; check the channel's URL");
            if (status is 408 or 429 or >= 500)
                return new Attempt(false, true, status, problem, RetryWait.RetryAfter(response, _clock));
            return new Attempt(false, false, status, $"{problem}; not retried (a {status} will not change by asking again): check the channel's URL and the message");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(false, true, null, $"did not answer within {RetryWait.Seconds(Options.Timeout)}");
        }
        catch (HttpRequestException e)
        {
            return new Attempt(false, true, null, $"could not be reached ({address.Scrub(Innermost(e))})");
        }
    }

    /// <summary>The start of an error body (Slack says <c>invalid_payload</c>, Teams why a card was refused), scrubbed of the URL before it is cut.</summary>
    private static string Excerpt(WebhookAddress address, string body)
    {
        var text = address.Scrub(body.ReplaceLineEndings(" ")).Trim();
        return text.Length == 0 ? "" : $" ({(text.Length > ShownBody ? text[..ShownBody] + "…" : text)})";
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }
}
