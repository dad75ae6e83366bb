using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Leases;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Testing.Faults;

namespace Reassess.Pipeline.Tests.Faults;

/// <summary>
/// Runs that meet on the same storage: two whole weekly runs, and an on-demand reassessment during a weekly run, each
/// from its own <see cref="PipelineContext"/> and storage clients as two hosts would be. They meet in the job lease
/// the hosts use (<see cref="JobLeases"/> on <c>ReassessWorkloads</c>), entered as <c>ReassessJobs.RunAsync</c> and
/// <c>POST /api/reassess</c> enter it. Already covered elsewhere and not repeated here: a second acquirer gives up
/// after its wait (<see cref="JobLeaseTests"/>), two scheduler hosts run a due timer once
/// (<see cref="TimerSchedulerTests"/>), and the HTTP route's 409 with Retry-After and its serialisation with a timer run
/// of one workload (Reassess.Api.Tests, ReassessAndReportRouteTests).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class ConcurrentRunTests(AzuriteFixture azurite)
{
    private static readonly JobName Job = JobName.ReassessWorkloads;

    [Fact]
    public async Task Two_weekly_runs_started_together_take_turns_on_the_job_lease_and_store_the_same_rows_as_one_run()
    {
        var clean = await CleanRun.GetAsync(azurite);
        var (settings, hostId, log) = (azurite.NewSettings(), TestLeases.NewHostId(), new ListLogger());
        await new StorageAccount(settings).EnsureCreatedAsync();
        using var samples = new SampleWorkspace(new StorageAccount(settings));
        var clock = Stopwatch.StartNew();

        async Task<(TimeSpan Entered, TimeSpan Left)> RunAsync()
        {
            var account = new StorageAccount(settings);
            IJobGate gate = new JobLeases(account, hostId, TestLeases.Fast, logger: log);
            await using var entered = await gate.TryEnterAsync(Job, TimeSpan.FromSeconds(60), CancellationToken.None);
            Assert.NotNull(entered);
            var start = clock.Elapsed;
            var run = await new WeeklyRun(FaultyStorage.NewContext(account, samples.Root)).RunAsync(SampleWorkspace.AsOf, FaultyStorage.Weeks);
            Assert.False(run.Failed);
            return (start, clock.Elapsed);
        }

        var runs = await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));

        var (first, second) = runs[0].Entered < runs[1].Entered ? (runs[0], runs[1]) : (runs[1], runs[0]);
        Assert.True(second.Entered >= first.Left, $"the runs overlapped: {first} and {second}");
        Assert.Equal([$"locks/{hostId}/{Job} is held by another run; waiting for it"], log.Messages);
        Assert.Equal("no differences", StorageSnapshot.Describe(clean.Rows, await StorageSnapshot.TakeAsync(new StorageAccount(settings))));
    }

    [Fact]
    public async Task Two_weekly_runs_started_together_without_a_lease_as_two_reassess_run_commands_still_store_the_same_rows_as_one_run()
    {
        var clean = await CleanRun.GetAsync(azurite);
        var settings = azurite.NewSettings();
        await new StorageAccount(settings).EnsureCreatedAsync();
        using var samples = new SampleWorkspace(new StorageAccount(settings));

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            new WeeklyRun(FaultyStorage.NewContext(new StorageAccount(settings), samples.Root)).RunAsync(SampleWorkspace.AsOf, FaultyStorage.Weeks))));

        Assert.All(runs, run => Assert.False(run.Failed));
        Assert.Equal(runs[0].Files.Select(f => f.Content), runs[1].Files.Select(f => f.Content));
        Assert.Equal("no differences", StorageSnapshot.Describe(clean.Rows, await StorageSnapshot.TakeAsync(new StorageAccount(settings))));
    }

    [Fact]
    public async Task An_on_demand_reassessment_during_a_weekly_run_waits_for_the_lease_then_adds_one_assessment_per_workload_and_changes_no_weekly_row()
    {
        var clean = await CleanRun.GetAsync(azurite);
        var (settings, hostId) = (azurite.NewSettings(), TestLeases.NewHostId());
        await new StorageAccount(settings).EnsureCreatedAsync();
        using var samples = new SampleWorkspace(new StorageAccount(settings));
        var timerAccount = new StorageAccount(settings);
        var httpAccount = new StorageAccount(settings);
        IJobGate timerGate = new JobLeases(timerAccount, hostId, TestLeases.Fast);
        IJobGate httpGate = new JobLeases(httpAccount, hostId, TestLeases.Fast);
        var timerHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();

        var weekly = Task.Run(async () =>
        {
            await using var entered = await timerGate.TryEnterAsync(Job, TimeSpan.Zero, CancellationToken.None);
            Assert.NotNull(entered);
            timerHolds.SetResult();
            var run = await new WeeklyRun(FaultyStorage.NewContext(timerAccount, samples.Root)).RunAsync(SampleWorkspace.AsOf, FaultyStorage.Weeks);
            Assert.False(run.Failed);
            return clock.Elapsed;
        });
        await timerHolds.Task;
        // As POST /api/reassess does it: wait for the gate (Reassess__ReassessWaitSeconds), then reassess now.
        await using (var entered = await httpGate.TryEnterAsync(Job, TimeSpan.FromSeconds(60), CancellationToken.None))
        {
            Assert.NotNull(entered);
            var onDemandStarted = clock.Elapsed;
            var (onDemand, _) = await new ReassessWorkloads(FaultyStorage.NewContext(httpAccount, samples.Root)).RunNowAsync(only: null);

            Assert.True(weekly.IsCompleted && onDemandStarted >= await weekly, "the on-demand run started before the weekly run let go of the job");
            Assert.Equal(6, onDemand.Counts.Values.Sum());
        }

        var after = await StorageSnapshot.TakeAsync(new StorageAccount(settings));
        var added = after.Keys.Except(clean.Rows.Keys).ToList();
        Assert.DoesNotContain(clean.Rows.Keys, k => after.GetValueOrDefault(k) != clean.Rows[k]); // no weekly row lost or changed
        Assert.Equal(6, added.Count(k => k.StartsWith("table Assessments ", StringComparison.Ordinal)));
        Assert.Equal([$"table Runs 2026-11 {JobName.ReassessWorkloads}|{FaultyStorage.Now:yyyy-MM-dd'T'HH:mm:ss'Z'}"], added.Where(k => k.StartsWith("table Runs ", StringComparison.Ordinal)));
        Assert.Equal(7, added.Count);
    }

    /// <summary>Keeps what was logged, to assert that a waiting run said so.</summary>
    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => _messages.ToArray();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) _messages.Enqueue(formatter(state, exception));
        }
    }
}
