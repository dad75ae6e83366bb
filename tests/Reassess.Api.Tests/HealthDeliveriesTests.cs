using System.Net;
using System.Text.Json;
using Reassess.Core.Time;
using Reassess.Pipeline.Delivery;
using Reassess.Storage.Deliveries;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>
/// <c>/api/health</c> lists the messages of this week and last that failed to reach a team, from the delivery records,
/// and since it needs no key, never where they were going.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class HealthDeliveriesTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly IsoWeek ThisWeek = IsoWeek.Of(DateTimeOffset.UtcNow);
    private const string SlackKey = "Xq9sEcReTtOkEn4Hooks";
    private static readonly string SlackUrl = $"https://hooks.slack.com/services/T0RE4SS/B0DE11V/{SlackKey}";

    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);

    public void Dispose() => _app.Dispose();

    private DeliveryStore Deliveries => _app.Context.Deliveries;

    private async Task FailAsync(IsoWeek week, string team, string channel, string destination, int attempts, string reason)
    {
        var claim = await Deliveries.TryClaimAsync(DeliveryKey.Week(week), team, channel, destination);
        Assert.True(await Deliveries.MarkFailedAsync(claim, attempts, reason));
    }

    private async Task<(string Body, JsonElement Failed)> HealthAsync()
    {
        using var response = await _app.CreateClient().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return (body, JsonDocument.Parse(body).RootElement.GetProperty("failedDeliveries").Clone());
    }

    [Fact]
    public async Task Health_lists_this_and_last_weeks_failed_deliveries_and_nothing_older_or_sent()
    {
        await FailAsync(ThisWeek.Previous, "payments", "teams", "https://prod-12.westeurope.logic.azure.com/…", 3, "the webhook answered 503 Service Unavailable");
        await FailAsync(ThisWeek, "finance", "email", "finance@example.com", 1, "the SMTP server refused the recipient (550)");
        await FailAsync(ThisWeek.Previous.Previous, "search", "slack", "https://hooks.slack.com/…", 3, "an old failure");
        var sent = await Deliveries.TryClaimAsync(DeliveryKey.Week(ThisWeek.Previous), "search", "slack", "https://hooks.slack.com/…");
        await Deliveries.MarkSentAsync(sent, 1);

        var (_, failed) = await HealthAsync();

        Assert.Equal(
            [(ThisWeek.ToString(), "finance", "email", 1, "the SMTP server refused the recipient (550)"),
             (ThisWeek.Previous.ToString(), "payments", "teams", 3, "the webhook answered 503 Service Unavailable")],
            failed.EnumerateArray().Select(f => (
                f.GetProperty("key").GetString(), f.GetProperty("team").GetString(), f.GetProperty("channel").GetString(),
                f.GetProperty("attempts").GetInt32(), f.GetProperty("reason").GetString())));
        Assert.All(failed.EnumerateArray(), f => Assert.InRange(
            f.GetProperty("failedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task A_failed_webhook_delivery_shows_in_health_without_any_part_of_the_webhook_path()
    {
        // As the webhook sender records a failure: the redacted address, and the problem scrubbed of the URL.
        var address = WebhookAddress.TryParse(SlackUrl, out _)!;
        var answered = $"POST {SlackUrl} answered 404 no_service: no hook at /services/T0RE4SS/B0DE11V/{SlackKey}";
        await FailAsync(ThisWeek.Previous, "payments", "slack", address.Redacted, 3, address.Scrub(answered));

        var (body, failed) = await HealthAsync();

        Assert.Equal("payments", Assert.Single(failed.EnumerateArray()).GetProperty("team").GetString());
        Assert.DoesNotContain(SlackKey, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("B0DE11V", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/services", body, StringComparison.OrdinalIgnoreCase);
    }
}
