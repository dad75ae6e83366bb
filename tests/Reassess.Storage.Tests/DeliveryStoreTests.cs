using Microsoft.Extensions.Time.Testing;
using Reassess.Core.Time;
using Reassess.Storage.Deliveries;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

/// <summary>Delivery records on Azurite: each message claimed once, however many runs or hosts try, failures retried, resends on purpose.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DeliveryStoreTests(AzuriteFixture azurite)
{
    private static readonly IsoWeek Week = new(2026, 10);
    private static readonly DeliveryKey Key = DeliveryKey.Week(Week);
    private const string Host = "https://hooks.slack.com/…";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));

    private async Task<DeliveryStore> StoreAsync() => new(await azurite.NewAccountAsync(), _clock);

    [Fact]
    public async Task A_delivery_is_claimed_once_and_a_second_claim_is_refused()
    {
        var store = await StoreAsync();

        var first = await store.TryClaimAsync(Key, "support", "slack", Host);
        var second = await store.TryClaimAsync(Key, "support", "slack", Host);
        await store.MarkSentAsync(first, attempts: 1);
        var third = await store.TryClaimAsync(Key, "support", "slack", Host);

        Assert.Equal((ClaimOutcome.New, true), (first.Outcome, first.Won));
        Assert.Equal((ClaimOutcome.InProgress, false), (second.Outcome, second.Won));
        Assert.Equal((ClaimOutcome.AlreadySent, false), (third.Outcome, third.Won));
        var record = await store.GetAsync(Key, "support", "slack");
        Assert.Equal((DeliveryStatus.Sent, 1, 1, Host), (record!.Status, record.Attempts, record.Claims, record.Destination));
        Assert.Equal(_clock.GetUtcNow(), record.FinishedAt);
    }

    [Fact]
    public async Task Of_concurrent_claims_from_many_hosts_exactly_one_wins()
    {
        var account = await azurite.NewAccountAsync();
        var hosts = Enumerable.Range(0, 8).Select(_ => new DeliveryStore(new Configuration.StorageAccount(account.Settings), _clock)).ToList();

        var claims = await Task.WhenAll(hosts.Select(h => h.TryClaimAsync(Key, "finance-ops", "teams", Host)));

        Assert.Single(claims, c => c.Won);
        Assert.All(claims.Where(c => !c.Won), c => Assert.Equal(ClaimOutcome.InProgress, c.Outcome));
    }

    [Fact]
    public async Task A_failed_delivery_is_listed_for_its_week_and_claimed_again_by_the_next_run()
    {
        var store = await StoreAsync();
        var claim = await store.TryClaimAsync(Key, "devex", "slack", Host);
        await store.MarkSentAsync(await store.TryClaimAsync(Key, "legal", "email", "legal@example.com"), 1);

        Assert.True(await store.MarkFailedAsync(claim, attempts: 4, "answered 503 Service Unavailable; gave up after 4 attempts"));
        var failed = Assert.Single(await store.FailedAsync(Week));
        Assert.Empty(await store.FailedAsync(Week.Next));
        _clock.Advance(TimeSpan.FromHours(1));
        var retry = await store.TryClaimAsync(Key, "devex", "slack", Host);
        var concurrent = await store.TryClaimAsync(Key, "devex", "slack", Host);
        await store.MarkSentAsync(retry, attempts: 1);

        Assert.Equal(("devex", "slack", DeliveryStatus.Failed, 4), (failed.Team, failed.Channel, failed.Status, failed.Attempts));
        Assert.Equal("answered 503 Service Unavailable; gave up after 4 attempts", failed.Reason);
        Assert.Equal(ClaimOutcome.Retry, retry.Outcome);
        Assert.Equal(ClaimOutcome.InProgress, concurrent.Outcome);
        Assert.Empty(await store.FailedAsync(Week));
        var record = await store.GetAsync(Key, "devex", "slack");
        Assert.Equal((DeliveryStatus.Sent, 2, (string?)null), (record!.Status, record.Claims, record.Reason));
        Assert.Equal(2, (await store.ListAsync(Key)).Count);
    }

    [Fact]
    public async Task A_resend_claims_a_sent_delivery_again_but_not_one_being_sent()
    {
        var store = await StoreAsync();
        var claim = await store.TryClaimAsync(Key, "catalog", "webhook", Host);

        var whileSending = await store.ResendAsync(Key, "catalog", "webhook", Host);
        await store.MarkSentAsync(claim, 1);
        var resend = await store.ResendAsync(Key, "catalog", "webhook", Host);

        Assert.Equal(ClaimOutcome.InProgress, whileSending.Outcome);
        Assert.Equal((ClaimOutcome.Resend, true), (resend.Outcome, resend.Won));
        Assert.Equal(DeliveryStatus.Sending, (await store.GetAsync(Key, "catalog", "webhook"))!.Status);
    }

    [Fact]
    public async Task A_claim_left_by_a_run_that_died_is_taken_over_once_stale_and_the_old_run_cannot_mark_it_failed()
    {
        var store = await StoreAsync();
        var dead = await store.TryClaimAsync(Key, "support", "teams", Host);

        _clock.Advance(store.StaleAfter - TimeSpan.FromSeconds(1));
        var early = await store.TryClaimAsync(Key, "support", "teams", Host);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var takeover = await store.TryClaimAsync(Key, "support", "teams", Host);

        Assert.Equal(ClaimOutcome.InProgress, early.Outcome);
        Assert.Equal(ClaimOutcome.TakenOver, takeover.Outcome);
        Assert.False(await store.MarkFailedAsync(dead, 1, "did not answer within 30 s"));
        Assert.Equal(DeliveryStatus.Sending, (await store.GetAsync(Key, "support", "teams"))!.Status);
    }

    [Fact]
    public async Task Alerts_are_keyed_by_their_id_apart_from_the_weeks()
    {
        var store = await StoreAsync();
        var alert = DeliveryKey.Alert("price-drop/gpt-4o-mini/2026-03-02");

        var claim = await store.TryClaimAsync(alert, "support", "teams", Host);
        await store.MarkFailedAsync(claim, 2, "answered 500");

        Assert.Equal("alert:price-drop~2Fgpt-4o-mini~2F2026-03-02", alert.Value);
        Assert.Empty(await store.FailedAsync(Week));
        Assert.Equal(alert, Assert.Single(await store.ListAsync(alert)).Key);
    }
}
