using Microsoft.Extensions.Time.Testing;
using Reassess.Host.Scheduling;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Leases;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;
using Reassess.Testing;
using Xunit.Abstractions;

namespace Reassess.Host.Tests.Scheduling;

/// <summary>
/// The scheduler on a fake clock over a real Azurite: hosts are schedulers in this process sharing a host id, so they
/// meet in the same lock and status blobs exactly as two <c>reassess serve</c> processes would.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class TimerSchedulerTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimerFunction Daily = new("DailyTest", "DailyTestSchedule", "0 0 5 * * *");
    private static readonly TimerFunction EveryMinute = new("MinuteTest", "MinuteTestSchedule", "0 * * * * *");

    [Fact]
    public async Task Two_hosts_with_a_timer_due_at_the_same_instant_run_it_exactly_once()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-11-23T04:59:00Z"));
        // Each run takes a while in real time, so the other host meets the lease while it is held.
        var job = new RecordingJob { Body = (_, ct) => Task.Delay(200, ct) };
        await using var first = Host(account, hostId, clock, Daily, job, "first");
        await using var second = Host(account, hostId, clock, Daily, job, "second");
        await Eventually.HoldsAsync(() => first.Timer.Next == At("2026-11-23T05:00:00Z") && second.Timer.Next == At("2026-11-23T05:00:00Z"), "both hosts wait for 05:00");

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => first.Timer.Next == At("2026-11-24T05:00:00Z") && second.Timer.Next == At("2026-11-24T05:00:00Z"), "both hosts moved on to the next day");

        var run = Assert.Single(job.Runs);
        Assert.Equal((At("2026-11-23T05:00:00Z"), false), (run.ScheduledFor, run.IsPastDue));
        Assert.Equal(1, first.Timer.RunsOnThisHost + second.Timer.RunsOnThisHost);
        Assert.Equal(
            new TimerScheduleStatus(At("2026-11-23T05:00:00Z"), At("2026-11-24T05:00:00Z"), At("2026-11-23T05:00:00Z")),
            await new TimerStatusStore(account, hostId).GetAsync(Daily.Name));
    }

    [Fact]
    public async Task A_host_started_again_after_missing_several_occurrences_runs_one_past_due_catch_up()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-03-01T04:00:00Z"));
        var job = new RecordingJob();
        await using (var before = Host(account, hostId, clock, Daily, job, "before"))
        {
            await Eventually.HoldsAsync(() => before.Timer.Next == At("2026-03-01T05:00:00Z"), "the first host waits for 05:00");
            await before.StopAsync();
        }

        clock.SetUtcNow(At("2026-03-04T10:00:00Z")); // three 05:00 occurrences passed with no host running
        await using var after = Host(account, hostId, clock, Daily, job, "after");
        await Eventually.HoldsAsync(() => after.Timer.Next == At("2026-03-05T05:00:00Z"), "the restarted host caught up and waits for the next day");

        var catchUp = Assert.Single(job.Runs);
        Assert.True(catchUp.IsPastDue);
        Assert.Equal(At("2026-03-01T05:00:00Z"), catchUp.ScheduledFor);
        Assert.Equal(At("2026-03-01T05:00:00Z"), catchUp.ScheduleStatus!.Next);
        var status = await new TimerStatusStore(account, hostId).GetAsync(Daily.Name);
        Assert.Equal((At("2026-03-04T10:00:00Z"), At("2026-03-05T05:00:00Z")), (status!.Last, status.Next));

        clock.SetUtcNow(At("2026-03-05T05:00:00Z"));
        await Eventually.HoldsAsync(() => after.Timer.Next == At("2026-03-06T05:00:00Z"), "the next regular occurrence ran");
        Assert.Equal([true, false], job.Runs.Select(r => r.IsPastDue));
    }

    [Fact]
    public async Task Two_hosts_restarted_after_a_missed_occurrence_run_one_catch_up_between_them()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        await new TimerStatusStore(account, hostId).SaveAsync(Daily.Name,
            new TimerScheduleStatus(At("2026-03-01T05:00:00Z"), At("2026-03-02T05:00:00Z"), At("2026-03-01T05:00:00Z")));
        var clock = new FakeTimeProvider(At("2026-03-02T09:00:00Z"));
        var job = new RecordingJob { Body = (_, ct) => Task.Delay(100, ct) };

        await using var first = Host(account, hostId, clock, Daily, job, "first");
        await using var second = Host(account, hostId, clock, Daily, job, "second");
        await Eventually.HoldsAsync(() => first.Timer.Next == At("2026-03-03T05:00:00Z") && second.Timer.Next == At("2026-03-03T05:00:00Z"), "both hosts wait for the next day");

        var catchUp = Assert.Single(job.Runs);
        Assert.Equal((At("2026-03-02T05:00:00Z"), true), (catchUp.ScheduledFor, catchUp.IsPastDue));
    }

    [Fact]
    public async Task A_run_longer_than_the_interval_is_not_overlapped_and_is_followed_by_one_immediate_run()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-01-01T00:00:30Z"));
        var firstRunMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = new RecordingJob { Body = (occurrence, _) => occurrence.ScheduledFor.Minute == 1 ? firstRunMayEnd.Task : Task.CompletedTask };
        await using var host = Host(account, hostId, clock, EveryMinute, job, "host");
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-01-01T00:01:00Z"), "the host waits for 00:01");

        clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => host.Timer.IsRunning, "the 00:01 run started");
        clock.Advance(TimeSpan.FromSeconds(150)); // 00:02 and 00:03 pass while it runs
        await Task.Delay(300);
        Assert.Single(job.Runs);
        firstRunMayEnd.SetResult();
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-01-01T00:04:00Z"), "the host caught up and waits for 00:04");

        Assert.Equal(1, job.MostAtOnce);
        Assert.Equal([At("2026-01-01T00:01:00Z"), At("2026-01-01T00:02:00Z")], job.Runs.Select(r => r.ScheduledFor));
        Assert.All(job.Runs, r => Assert.False(r.IsPastDue));
        var status = await new TimerStatusStore(account, hostId).GetAsync(EveryMinute.Name);
        Assert.Equal((At("2026-01-01T00:03:30Z"), At("2026-01-01T00:04:00Z")), (status!.Last, status.Next));
    }

    [Fact]
    public async Task A_timer_run_waits_for_an_on_demand_run_holding_the_same_lease_then_runs()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-11-23T04:59:00Z"));
        var job = new RecordingJob();
        await using var host = Host(account, hostId, clock, Daily, job, "host");
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-23T05:00:00Z"), "the host waits for 05:00");
        var http = new JobLeases(account, hostId, TestLeases.Fast);
        var onDemand = await http.TryAcquireAsync(Daily.Name, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(onDemand);

        clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(400);
        Assert.Empty(job.Runs);
        await onDemand.DisposeAsync();
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-24T05:00:00Z"), "the timer ran after the on-demand run");

        var run = Assert.Single(job.Runs);
        Assert.Equal(At("2026-11-23T05:00:00Z"), run.ScheduledFor);
    }

    [Fact]
    public async Task Stopping_lets_a_running_job_finish_records_it_and_releases_the_lease()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-11-23T04:59:00Z"));
        var mayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = new RecordingJob { Body = (_, _) => mayEnd.Task }; // ignores its token, inside the shutdown grace
        await using var host = Host(account, hostId, clock, Daily, job, "host");
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-23T05:00:00Z"), "the host waits for 05:00");
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => host.Timer.IsRunning, "the run started");

        var stopping = host.StopAsync();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted);
        mayEnd.SetResult();
        await stopping;

        var status = await new TimerStatusStore(account, hostId).GetAsync(Daily.Name);
        Assert.Equal(At("2026-11-23T05:00:00Z"), status!.Last);
        await using var free = await new JobLeases(account, hostId).TryAcquireAsync(Daily.Name, TimeSpan.Zero);
        Assert.NotNull(free);
    }

    [Fact]
    public async Task A_job_that_stops_at_its_token_on_shutdown_is_not_recorded_and_runs_past_due_at_the_next_start()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-11-23T04:59:00Z"));
        var job = new RecordingJob { Body = (_, ct) => Task.Delay(Timeout.Infinite, ct) };
        var noGrace = new TimerSchedulerOptions { ShutdownGrace = TimeSpan.Zero };
        await using (var host = Host(account, hostId, clock, Daily, job, "host", noGrace))
        {
            await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-23T05:00:00Z"), "the host waits for 05:00");
            clock.Advance(TimeSpan.FromMinutes(1));
            await Eventually.HoldsAsync(() => host.Timer.IsRunning, "the run started");
            await host.StopAsync();
        }

        var status = await new TimerStatusStore(account, hostId).GetAsync(Daily.Name);
        Assert.Equal((false, At("2026-11-23T05:00:00Z")), (status!.HasRun, status.Next));
        await using (var free = await new JobLeases(account, hostId).TryAcquireAsync(Daily.Name, TimeSpan.Zero))
            Assert.NotNull(free);

        clock.Advance(TimeSpan.FromMinutes(10)); // past due only once the clock is past the recorded Next, as in Azure
        var again = new RecordingJob();
        await using var restarted = Host(account, hostId, clock, Daily, again, "restarted");
        await Eventually.HoldsAsync(() => restarted.Timer.Next == At("2026-11-24T05:00:00Z"), "the restarted host caught up");
        var catchUp = Assert.Single(again.Runs);
        Assert.Equal((At("2026-11-23T05:00:00Z"), true), (catchUp.ScheduledFor, catchUp.IsPastDue));
    }

    [Fact]
    public async Task A_failed_run_counts_as_run_and_is_not_retried_before_the_next_occurrence()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-11-23T04:59:00Z"));
        var job = new RecordingJob { Body = (_, _) => throw new InvalidOperationException("price source down") };
        await using var host = Host(account, hostId, clock, Daily, job, "host");
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-23T05:00:00Z"), "the host waits for 05:00");

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-24T05:00:00Z"), "the host moved on");

        Assert.Single(job.Runs);
        Assert.Equal(At("2026-11-23T05:00:00Z"), (await new TimerStatusStore(account, hostId).GetAsync(Daily.Name))!.Last);
    }

    [Fact]
    public async Task A_changed_schedule_is_not_mistaken_for_a_missed_occurrence()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        // Written under an hourly schedule; its Next (03:00) is in the past when a host starts with 05:00 daily.
        await new TimerStatusStore(account, hostId).SaveAsync(Daily.Name,
            new TimerScheduleStatus(At("2026-11-23T02:00:00Z"), At("2026-11-23T03:00:00Z"), At("2026-11-23T02:00:00Z")));
        var clock = new FakeTimeProvider(At("2026-11-23T04:00:00Z"));
        var job = new RecordingJob();

        await using var host = Host(account, hostId, clock, Daily, job, "host");
        await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-23T05:00:00Z"), "the host waits for 05:00");
        await Task.Delay(200);

        Assert.Empty(job.Runs);
        var status = await new TimerStatusStore(account, hostId).GetAsync(Daily.Name);
        // As Azure: Last is cleared, and LastUpdated is the instant the new Next was computed from (the old Last).
        Assert.Equal(new TimerScheduleStatus(default, At("2026-11-23T05:00:00Z"), At("2026-11-23T02:00:00Z")), status);
    }

    [Fact]
    public async Task The_status_blob_has_Azure_shape_and_place()
    {
        var (account, hostId) = (await azurite.NewAccountAsync(), TestLeases.NewHostId());
        var clock = new FakeTimeProvider(At("2026-11-23T04:00:00Z"));
        await using (var host = Host(account, hostId, clock, Daily, new RecordingJob(), "host"))
        {
            await Eventually.HoldsAsync(() => host.Timer.Next == At("2026-11-23T05:00:00Z"), "the host wrote its first status");
            await host.StopAsync();
        }

        var blob = await WebJobsHosts.Container(account).GetBlobClient($"timers/{hostId}/{Daily.Name}/status").DownloadContentAsync();

        Assert.Equal(
            """{"Last":"0001-01-01T00:00:00+00:00","Next":"2026-11-23T05:00:00+00:00","LastUpdated":"2026-11-23T04:00:00+00:00"}""",
            blob.Value.Content.ToString());
    }

    private SchedulerHost Host(StorageAccount account, string hostId, TimeProvider clock, TimerFunction function, RecordingJob job, string name, TimerSchedulerOptions? options = null) =>
        SchedulerHost.Start(account, hostId, clock, function, function.DefaultSchedule, job, options, new XunitLogger(output, name));

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
