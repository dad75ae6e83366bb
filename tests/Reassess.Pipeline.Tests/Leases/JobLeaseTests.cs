using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Leases;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests.Leases;

[Collection(AzuriteFixture.Collection)]
public class JobLeaseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_lock_is_a_leased_blob_under_locks_hostId_in_azure_webjobs_hosts_and_is_freed_on_dispose()
    {
        var account = await azurite.NewAccountAsync();
        var hostId = TestLeases.NewHostId();
        var leases = new JobLeases(account, hostId, TestLeases.Fast);
        var locks = BlobLeaseLocks.For(account);

        var lease = await leases.TryAcquireAsync("ReassessWorkloads", TimeSpan.Zero);
        Assert.NotNull(lease);
        Assert.Equal($"locks/{hostId}/ReassessWorkloads", lease.BlobName);
        Assert.Equal(LeaseState.Leased, await LeaseStateAsync(locks, lease.BlobName));
        Assert.Equal("azure-webjobs-hosts", locks.Container.Name);

        await lease.DisposeAsync();
        Assert.Equal(LeaseState.Available, await LeaseStateAsync(locks, $"locks/{hostId}/ReassessWorkloads"));
    }

    [Fact]
    public async Task A_second_acquirer_gets_null_once_its_wait_is_over_while_the_first_holds_the_lease()
    {
        var account = await azurite.NewAccountAsync();
        var hostId = TestLeases.NewHostId();
        var first = new JobLeases(account, hostId, TestLeases.Fast);
        var second = new JobLeases(account, hostId, TestLeases.Fast);
        await using var held = await first.TryAcquireAsync("RefreshPrices", TimeSpan.Zero);

        var watch = Stopwatch.StartNew();
        var lease = await second.TryAcquireAsync("RefreshPrices", TimeSpan.FromMilliseconds(400));

        Assert.NotNull(held);
        Assert.Null(lease);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_waiting_acquirer_gets_the_lease_as_soon_as_the_holder_releases_it()
    {
        var account = await azurite.NewAccountAsync();
        var hostId = TestLeases.NewHostId();
        var first = new JobLeases(account, hostId, TestLeases.Fast);
        var second = new JobLeases(account, hostId, TestLeases.Fast);
        var held = await first.TryAcquireAsync("RefreshPrices", TimeSpan.Zero);

        var watch = Stopwatch.StartNew();
        var waiting = second.TryAcquireAsync("RefreshPrices", TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await held!.DisposeAsync();
        await using var lease = await waiting;

        Assert.NotNull(lease);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_job_gate_the_HTTP_API_uses_is_the_same_lease()
    {
        var account = await azurite.NewAccountAsync();
        var hostId = TestLeases.NewHostId();
        IJobGate gate = new JobLeases(account, hostId, TestLeases.Fast);
        var timer = new JobLeases(account, hostId, TestLeases.Fast);

        await using (var running = await timer.TryAcquireAsync("ReassessWorkloads", TimeSpan.Zero))
        {
            Assert.NotNull(running);
            Assert.Null(await gate.TryEnterAsync(JobName.ReassessWorkloads, TimeSpan.FromMilliseconds(200), CancellationToken.None));
        }

        await using var entered = await gate.TryEnterAsync(JobName.ReassessWorkloads, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(entered);
    }

    [Fact]
    public async Task Locks_of_other_jobs_and_other_host_ids_do_not_block()
    {
        var account = await azurite.NewAccountAsync();
        var hostId = TestLeases.NewHostId();
        var leases = new JobLeases(account, hostId, TestLeases.Fast);
        var otherApp = new JobLeases(account, TestLeases.NewHostId(), TestLeases.Fast);

        await using var prices = await leases.TryAcquireAsync("RefreshPrices", TimeSpan.Zero);
        await using var usage = await leases.TryAcquireAsync("IngestUsage", TimeSpan.Zero);
        await using var pricesElsewhere = await otherApp.TryAcquireAsync("RefreshPrices", TimeSpan.Zero);

        Assert.All([prices, usage, pricesElsewhere], Assert.NotNull);
    }

    [Fact]
    public async Task A_lease_broken_by_someone_else_is_reported_lost_to_its_holder()
    {
        var account = await azurite.NewAccountAsync();
        var leases = new JobLeases(account, TestLeases.NewHostId(), TestLeases.Fast with { RenewInterval = TimeSpan.FromMilliseconds(100) });
        await using var lease = await leases.TryAcquireAsync("PublishWeeklyReport", TimeSpan.Zero);

        await WebJobsHosts.Container(account).GetBlobClient(lease!.BlobName).GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);

        await Eventually.HoldsAsync(() => lease.IsLost, "the holder notices the broken lease");
        Assert.True(lease.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task A_lease_held_past_several_renewals_stays_held()
    {
        var account = await azurite.NewAccountAsync();
        var hostId = TestLeases.NewHostId();
        var leases = new JobLeases(account, hostId, TestLeases.Fast with { RenewInterval = TimeSpan.FromMilliseconds(100) });
        await using var lease = await leases.TryAcquireAsync("IngestUsage", TimeSpan.Zero);

        await Task.Delay(700);

        Assert.False(lease!.IsLost);
        Assert.Null(await new JobLeases(account, hostId, TestLeases.Fast).TryAcquireAsync("IngestUsage", TimeSpan.Zero));
    }

    [Theory]
    [InlineData("Reassess")]
    [InlineData("-reassess")]
    [InlineData("re--assess")]
    [InlineData("reassess-host-id-longer-than-32-chars")]
    public async Task A_host_id_Azure_would_refuse_is_refused(string hostId)
    {
        var account = await azurite.NewAccountAsync();

        var error = Assert.Throws<StorageConfigurationException>(() => new JobLeases(account, hostId));

        Assert.Contains("a host id is 1-32 lower-case letters, digits and single dashes", error.Message);
    }

    [Fact]
    public void A_lease_period_outside_what_blob_storage_allows_is_refused()
    {
        var locks = new BlobLeaseLocks(new Azure.Storage.Blobs.BlobContainerClient(new Uri("http://127.0.0.1:1/devstoreaccount1/azure-webjobs-hosts")));

        Assert.Throws<ArgumentOutOfRangeException>(() => new JobLeases(locks, "reassess", new JobLeaseOptions { LeasePeriod = TimeSpan.FromSeconds(10) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JobLeases(locks, "reassess", new JobLeaseOptions { RenewInterval = TimeSpan.FromSeconds(60) }));
    }

    /// <summary>The lease state Azure reports for a lock blob.</summary>
    private static async Task<LeaseState> LeaseStateAsync(BlobLeaseLocks locks, string blobName) =>
        (await locks.Container.GetBlobClient(blobName).GetPropertiesAsync()).Value.LeaseState;
}
