using Reassess.Storage.Tables;
using Reassess.Testing;
using Reassess.Testing.Faults;
using Xunit.Abstractions;

namespace Reassess.Pipeline.Tests.Faults;

/// <summary>
/// The sample weekly run (two weeks, every job) with storage misbehaving on the wire, through a <see cref="FaultProxy"/>
/// in front of the shared Azurite: transient faults are retried with backoff and leave exactly the rows and blobs of a
/// clean run; faults that outlast the retries, or storage going away, fail the run saying what and what to do, and a
/// rerun once storage is back leaves exactly the clean run's rows. Retries are <see cref="FaultyStorage.FastRetries"/>
/// (0.1 s doubling, 4 retries, 2 s network timeout).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class StorageFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan FirstBackoff = FaultyStorage.FastRetries.Delay;

    [Fact]
    public async Task Weekly_run_retries_throttled_table_writes_with_backoff_and_stores_the_same_rows_as_an_unfaulted_run()
    {
        var clean = await CleanRun.GetAsync(azurite);
        await using var storage = await FaultyStorage.StartAsync(azurite);
        var proxy = storage.Proxy;
        var oneCall = proxy.InjectIntoOneCall(Fault.ServerBusy(), attempts: 3, r => r.IsTableBatch);
        var tooMany = proxy.Inject(Fault.Throttled(429, TimeSpan.FromSeconds(1)), times: 2, r => r.IsTableBatch && r.ClientRequestId != oneCall.Call);
        var busy = proxy.Inject(Fault.Throttled(503, TimeSpan.FromSeconds(1)), times: 1, r => r.IsTableBatch && r.ClientRequestId != oneCall.Call);

        var run = await storage.RunAsync();

        Assert.False(run.Failed);
        Assert.Equal((3, 2, 1, 6), (oneCall.Injected, tooMany.Injected, busy.Injected, proxy.FaultsInjected));
        Assert.Equal("no differences", StorageSnapshot.Describe(clean.Rows, await storage.SnapshotAsync()));
        // One transaction met 503 ServerBusy three times running: tried again after ~0.1, ~0.2 and ~0.4 s (±20%), then written.
        var attempts = AttemptsOf(proxy, oneCall.Call!);
        Assert.Equal([503, 503, 503, 202], attempts.Select(a => a.Status));
        var waits = Waits(attempts);
        for (var i = 0; i < waits.Count; i++)
            Assert.True(waits[i] >= 0.75 * FirstBackoff * (1 << i), $"retry {i + 1} came {waits[i].TotalMilliseconds:0} ms after the failure; backoff is {FirstBackoff.TotalMilliseconds * (1 << i):0} ms ±20%");
        Assert.True(waits[2] > waits[0], "the backoff grows");
        // Throttled with Retry-After: 1 (as 429 and as 503): each was tried again only after the second storage asked for.
        foreach (var throttled in proxy.Log.Where(e => e.Fault is Fault.Answer { RetryAfter: not null }))
        {
            var after = AttemptsOf(proxy, throttled.ClientRequestId!).First(a => a.ReceivedAt > throttled.AnsweredAt);
            Assert.True(after.ReceivedAt - throttled.AnsweredAt >= TimeSpan.FromMilliseconds(950),
                $"{throttled} was retried {(after.ReceivedAt - throttled.AnsweredAt).TotalMilliseconds:0} ms later, before its Retry-After of 1 s");
        }

        EveryFaultedCallSucceededInTheEnd(proxy);
    }

    [Fact]
    public async Task Weekly_run_retries_table_queries_that_fail_with_500_or_lose_their_connection_and_stores_the_same_rows_as_an_unfaulted_run()
    {
        var clean = await CleanRun.GetAsync(azurite);
        await using var storage = await FaultyStorage.StartAsync(azurite);
        var proxy = storage.Proxy;
        var errors = proxy.Inject(Fault.InternalError(), times: 3, r => r.IsTableRead);
        var drops = proxy.Inject(Fault.DropConnection(), times: 3, r => r.IsTableRead);

        var run = await storage.RunAsync();

        Assert.False(run.Failed);
        Assert.Equal((3, 3, 6), (errors.Injected, drops.Injected, proxy.FaultsInjected));
        Assert.Equal(3, proxy.Log.Count(e => e.Fault is Fault.Answer { Status: 500, ErrorCode: "InternalError" }));
        Assert.Equal(3, proxy.Log.Count(e => e.Fault is Fault.Drop));
        Assert.Equal("no differences", StorageSnapshot.Describe(clean.Rows, await storage.SnapshotAsync()));
        EveryFaultedCallSucceededInTheEnd(proxy);
    }

    [Fact]
    public async Task Weekly_run_retries_blob_uploads_that_are_throttled_dropped_or_hang_and_stores_the_same_report_as_an_unfaulted_run()
    {
        var clean = await CleanRun.GetAsync(azurite);
        await using var storage = await FaultyStorage.StartAsync(azurite);
        var proxy = storage.Proxy;
        proxy.Inject(Fault.ServerBusy(), times: 1, r => r.IsBlobUpload);
        proxy.Inject(Fault.DropConnection(), times: 1, r => r.IsBlobUpload);
        var hang = proxy.Inject(Fault.Stall(TimeSpan.FromSeconds(10)), times: 1, r => r.IsBlobUpload);

        var run = await storage.RunAsync();

        Assert.False(run.Failed);
        Assert.Equal(3, proxy.FaultsInjected);
        Assert.Equal(clean.Files, run.Files.Select(f => f.Content));
        Assert.Equal("no differences", StorageSnapshot.Describe(clean.Rows, await storage.SnapshotAsync()));
        // The upload that got no answer was abandoned after the 2 s network timeout and sent again.
        var stalled = proxy.Log.Single(e => e.Fault is Fault.Hang);
        var retried = AttemptsOf(proxy, stalled.ClientRequestId!).First(a => a.ReceivedAt > stalled.ReceivedAt);
        Assert.InRange(retried.ReceivedAt - stalled.ReceivedAt, FaultyStorage.FastRetries.NetworkTimeout, TimeSpan.FromSeconds(8));
        Assert.Equal(1, hang.Injected);
        EveryFaultedCallSucceededInTheEnd(proxy);
    }

    [Fact]
    public async Task Table_writes_throttled_past_every_retry_fail_the_run_naming_table_and_partition_and_a_rerun_stores_the_same_rows_as_an_unfaulted_run()
    {
        var clean = await CleanRun.GetAsync(azurite);
        await using var storage = await FaultyStorage.StartAsync(azurite);
        var proxy = storage.Proxy;
        var costTrends = storage.Account.Settings.TableName(storage.Account.Settings.CostTrendsTable);
        var busy = proxy.Inject(Fault.ServerBusy(), times: 1000, r => r.IsTableBatch && r.Touches(costTrends));

        var error = await Assert.ThrowsAsync<StorageWriteException>(() => storage.RunAsync());

        output.WriteLine(error.Message);
        Assert.Contains($"table {costTrends}, partition '", error.Message);
        Assert.Contains("5 attempts", error.Message);
        Assert.Contains("503 ServerBusy", error.Message);
        Assert.Contains("Rerun the job once storage answers again", error.Message);
        // The write that failed the run was tried 1 + MaxRetries times, then given up; writes to other partitions in
        // flight beside it were cancelled with the run, so none was tried more often.
        var calls = proxy.Log.Where(e => e.Fault is not null).GroupBy(e => e.ClientRequestId).Select(c => c.Count()).ToList();
        Assert.Contains(1 + FaultyStorage.FastRetries.MaxRetries, calls);
        Assert.All(calls, attempts => Assert.InRange(attempts, 1, 1 + FaultyStorage.FastRetries.MaxRetries));
        Assert.Equal(busy.Injected, proxy.FaultsInjected);

        proxy.ClearFaults();
        var rerun = await storage.RunAsync();

        Assert.False(rerun.Failed);
        Assert.Equal("no differences", StorageSnapshot.Describe(clean.Rows, await storage.SnapshotAsync()));
    }

    [Fact]
    public async Task Storage_going_away_mid_run_fails_the_run_saying_it_could_not_be_reached_and_a_rerun_once_it_is_back_stores_the_same_rows()
    {
        var clean = await CleanRun.GetAsync(azurite);
        await using var storage = await FaultyStorage.StartAsync(azurite);
        var proxy = storage.Proxy;
        proxy.CutAfter(150); // a clean two-week run makes about 300 requests: this is in the middle of it

        var error = await Assert.ThrowsAnyAsync<Exception>(() => storage.RunAsync());

        output.WriteLine($"{error.GetType().Name}: {error.Message}");
        Assert.Equal(150, proxy.Forwarded);
        Assert.True(proxy.Refused >= 1 + FaultyStorage.FastRetries.MaxRetries, $"only {proxy.Refused} connections were refused");
        Assert.Contains("5 attempts", error.Message);
        Assert.Contains("could not be reached", error.Message);
        Assert.Matches($@"storage at 127\.0\.0\.1:({proxy.TablePort}|{proxy.BlobPort})", error.Message);
        Assert.Contains("Rerun the job once storage answers again", error.Message);
        var halfway = await storage.SnapshotAsync();
        Assert.NotEqual("no differences", StorageSnapshot.Describe(clean.Rows, halfway));

        proxy.Restore();
        var rerun = await storage.RunAsync();

        Assert.False(rerun.Failed);
        Assert.Equal("no differences", StorageSnapshot.Describe(clean.Rows, await storage.SnapshotAsync()));
    }

    private static List<ProxyLogEntry> AttemptsOf(FaultProxy proxy, string clientRequestId) =>
        proxy.Log.Where(e => e.ClientRequestId == clientRequestId).OrderBy(e => e.ReceivedAt).ToList();

    /// <summary>From each failed attempt's answer to the next attempt's arrival: the client's backoff.</summary>
    private static List<TimeSpan> Waits(IReadOnlyList<ProxyLogEntry> attempts) =>
        attempts.Zip(attempts.Skip(1), (failed, next) => next.ReceivedAt - failed.AnsweredAt).ToList();

    /// <summary>Every call that met a fault was sent again (same client request id) until storage answered it.</summary>
    private static void EveryFaultedCallSucceededInTheEnd(FaultProxy proxy)
    {
        var faulted = proxy.Log.Where(e => e.Fault is not null).Select(e => e.ClientRequestId).Distinct().ToList();
        Assert.NotEmpty(faulted);
        Assert.All(faulted, id =>
        {
            Assert.NotNull(id);
            var last = AttemptsOf(proxy, id).Last();
            Assert.True(last.Forwarded && last.Status < 300, $"the last attempt of call {id} was {last}");
        });
    }
}
