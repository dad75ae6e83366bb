using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline.Delivery;
using Reassess.Testing.Http;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>
/// The webhook sender against a real HTTP server on 127.0.0.1 that answers, throttles, fails or hangs, with time on a
/// fake clock so the waits are exact. Every URL carries a planted key in its path and query, which must never show in
/// a result, a log line (the HTTP client factory's own included) or a failure.
/// </summary>
public sealed class WebhookSenderTests : IDisposable
{
    private const string PathKey = "PATHKEY7f3a9c21e5";
    private const string QueryKey = "QUERYSIG0b44d8e6aa";
    private const string Card = """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"support: switch ticket-triage to gpt-4o-mini, saves $1,234.56 a month"}]}}]}""";

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;
    private readonly WatchedClock _clock = new();

    public WebhookSenderTests()
    {
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace))
            .AddWebhookClient().Services
            .BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    private WebhookSender Sender(int maxAttempts = 3) => new(
        _services.GetRequiredService<IHttpClientFactory>(), _clock,
        new WebhookSendOptions
        {
            Timeout = AttemptTimeout, MaxAttempts = maxAttempts, FirstRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(8), MaxRetryAfter = TimeSpan.FromSeconds(30),
        },
        _services.GetRequiredService<ILoggerFactory>().CreateLogger("Reassess.Delivery"),
        jitter: () => 0.5);

    private static WebhookAddress Address(LocalHttpServer server) =>
        WebhookAddress.TryParse(server.Url($"workflows/{PathKey}/triggers/manual/paths/invoke?api-version=1&sig={QueryKey}").ToString(), out _)!;

    [Fact]
    public async Task A_message_is_posted_once_as_the_exact_json_given()
    {
        await using var server = new LocalHttpServer(_ => Reply.WithStatus(202));

        var result = await Sender().SendAsync(Address(server), Card);

        Assert.Equal(DeliveryResult.Sent(1, 202, $"{server.BaseUri.Scheme}://127.0.0.1:{server.BaseUri.Port}/…"), result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/workflows/{PathKey}/triggers/manual/paths/invoke?api-version=1&sig={QueryKey}", request.PathAndQuery);
        Assert.Equal(Card, request.BodyText);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        using var _ = JsonDocument.Parse(request.Body);
        AssertNoKeyAnywhere(result);
    }

    [Fact]
    public async Task A_429_waits_the_seconds_retry_after_asks_then_sends_again()
    {
        var calls = 0;
        await using var server = new LocalHttpServer(_ => ++calls == 1 ? Reply.WithStatus(429, ("Retry-After", "7")) : Reply.WithStatus(200));

        var send = Sender().SendAsync(Address(server), Card);

        Assert.Equal(AttemptTimeout, await _clock.NextTimerAsync());
        Assert.Equal(TimeSpan.FromSeconds(7), await _clock.NextTimerAsync());
        _clock.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Delay(200);
        Assert.Single(server.Requests);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var result = await send;

        Assert.True(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.Equal([Card, Card], server.Requests.Select(r => r.BodyText));
        Assert.Contains(_logs.Lines, l => l.Contains("answered 429", StringComparison.Ordinal) && l.Contains("attempt 2 of 3 in 7 s", StringComparison.Ordinal));
        AssertNoKeyAnywhere(result);
    }

    [Fact]
    public async Task A_retry_after_date_is_read_against_the_clock()
    {
        var calls = 0;
        var until = _clock.GetUtcNow().AddSeconds(12).ToString("R");
        await using var server = new LocalHttpServer(_ => ++calls == 1 ? Reply.WithStatus(503, ("Retry-After", until)) : Reply.WithStatus(200));

        var (result, waits) = await _clock.RunAsync(Sender().SendAsync(Address(server), Card), AttemptTimeout);

        Assert.True(result.Delivered);
        Assert.Equal([TimeSpan.FromSeconds(12)], waits);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_exponential_backoff_then_reported_failed()
    {
        await using var server = new LocalHttpServer(_ => Reply.WithStatus(500));

        var (result, waits) = await _clock.RunAsync(Sender(maxAttempts: 3).SendAsync(Address(server), Card), AttemptTimeout);

        // 1 s then 2 s, each half fixed and half jitter (0.5 here).
        Assert.Equal([TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(1500)], waits);
        Assert.False(result.Delivered);
        Assert.Equal((3, 500), (result.Attempts, result.Status));
        Assert.Equal(3, server.Requests.Count);
        Assert.StartsWith("answered 500 Internal Server Error; gave up after 3 attempts", result.Problem);
        AssertNoKeyAnywhere(result);
    }

    [Fact]
    public async Task A_server_that_hangs_ends_in_a_timeout_on_each_attempt()
    {
        await using var server = new LocalHttpServer(_ => Reply.WithStatus(200) with { Delay = TimeSpan.FromMinutes(10) });

        var send = Sender(maxAttempts: 2).SendAsync(Address(server), Card);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Equal(AttemptTimeout, await _clock.NextTimerAsync());
            await Eventually(() => server.Requests.Count == attempt);
            _clock.Advance(AttemptTimeout);
            if (attempt == 1) _clock.Advance(await _clock.NextTimerAsync());
        }

        var result = await send;

        Assert.False(result.Delivered);
        Assert.Equal((2, (int?)null), (result.Attempts, result.Status));
        Assert.Equal("did not answer within 10 s; gave up after 2 attempts", result.Problem);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_an_echoed_url_is_cut_from_the_reason()
    {
        var calls = 0;
        await using var server = new LocalHttpServer(request => ++calls == 1
            ? Reply.Json($$"""{"error":"busy","url":"{{request.PathAndQuery}}"}""") with { Status = 503 }
            : Reply.Json($$"""{"error":"invalid_payload: no workflow at {{request.PathAndQuery}} (sig {{QueryKey}})"}""") with { Status = 400 });

        var (result, _) = await _clock.RunAsync(Sender().SendAsync(Address(server), Card), AttemptTimeout);

        Assert.False(result.Delivered);
        Assert.Equal((2, 400), (result.Attempts, result.Status));
        Assert.Contains("invalid_payload", result.Problem);
        Assert.Contains("not retried", result.Problem);
        Assert.Contains(_logs.Lines, l => l.Contains("answered 503", StringComparison.Ordinal));
        AssertNoKeyAnywhere(result);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_fails_at_once_saying_so()
    {
        await using var server = new LocalHttpServer(_ => Reply.WithStatus(429, ("Retry-After", "3600")));

        var result = await Sender().SendAsync(Address(server), Card);

        Assert.Single(server.Requests);
        Assert.Equal((1, 429), (result.Attempts, result.Status));
        Assert.Contains("asks to wait 3600 s, more than the 30 s a delivery waits", result.Problem);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var elsewhere = new LocalHttpServer(_ => Reply.WithStatus(200));
        await using var server = new LocalHttpServer(_ => Reply.Redirect(307, elsewhere.Url("capture").ToString()));

        var result = await Sender().SendAsync(Address(server), Card);

        Assert.False(result.Delivered);
        Assert.Empty(elsewhere.Requests);
        Assert.Contains("a redirect, which a webhook delivery does not follow", result.Problem);
    }

    [Fact]
    public async Task An_unreachable_host_is_reported_without_its_path()
    {
        var port = LoopbackPort.Unused();
        var address = WebhookAddress.TryParse($"http://127.0.0.1:{port}/services/{PathKey}?sig={QueryKey}", out _)!;

        var result = await Sender(maxAttempts: 1).SendAsync(address, Card);

        Assert.False(result.Delivered);
        Assert.StartsWith("could not be reached", result.Problem);
        Assert.Equal($"http://127.0.0.1:{port}/…", result.Destination);
        AssertNoKeyAnywhere(result);
    }

    [Fact]
    public void An_address_shows_only_scheme_and_host()
    {
        var address = WebhookAddress.TryParse($"https://prod-12.westeurope.logic.azure.com:443/workflows/{PathKey}/triggers?sig={QueryKey}", out _)!;

        Assert.Equal("https://prod-12.westeurope.logic.azure.com/…", address.Redacted);
        Assert.Equal(address.Redacted, address.ToString());
        Assert.Equal("ok … and …", address.Scrub($"ok {PathKey} and {Uri.EscapeDataString(QueryKey)}"));
    }

    private void AssertNoKeyAnywhere(DeliveryResult result)
    {
        foreach (var text in new[] { result.ToString(), result.Problem ?? "", result.Destination, _logs.All })
        {
            Assert.DoesNotContain(PathKey, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(QueryKey, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            if (waited > 10_000) throw new TimeoutException("condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
