using Microsoft.Extensions.Logging;
using Reassess.Host.Scheduling.Schedules;
using Reassess.Pipeline.Leases;
using Reassess.Storage.Leases;
using Reassess.Storage.Tables;

namespace Reassess.Host.Scheduling;

/// <summary>
/// One timer on one host: wait for the next occurrence, take the job's lease, check the stored status (another host
/// may have run it already), run, record. Runs of one timer never overlap: this loop runs one at a time, and hosts
/// sharing the host id take turns through the lease.
/// </summary>
internal sealed class TimerLoop(
    ScheduledTimer timer, JobLeases leases, TimerStatusStore statuses, TimeProvider clock, ILogger logger, TimerSchedulerOptions options)
{
    private static readonly TimeSpan StatusWriteTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private TimerScheduleStatus? _status;
    private DateTimeOffset? _next;
    private DateTimeOffset? _lastStarted;
    private DateTimeOffset? _lastFinished;
    private bool _running;
    private int _runs;

    private string Name => timer.Name;
    private TimerSchedule Schedule => timer.Schedule;

    public TimerView View()
    {
        lock (_gate) return new TimerView(Name, Schedule.Expression, _next, _lastStarted, _lastFinished, _running, _runs);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        if (await UntilItWorksAsync(StartAsync, stop) is not { } start) return;
        var (due, pastDue) = start;
        while (!stop.IsCancellationRequested)
        {
            if (!await WaitUntilAsync(due, stop)) break;
            var (thisDue, thisPastDue) = (due, pastDue);
            if (await UntilItWorksAsync(ct => RunOccurrenceAsync(thisDue, thisPastDue, ct), stop) is not { } next) break;
            (due, pastDue) = (next, false);
        }

        logger.LogInformation("Timer {Function} stopped", Name);
    }

    /// <summary>Start-up, under the lease so no other host moves the status meanwhile: continue from it, or catch up once.</summary>
    private async Task<(DateTimeOffset Due, bool PastDue)> StartAsync(CancellationToken stop)
    {
        await using var lease = await leases.AcquireAsync(Name, stop);
        var now = clock.GetUtcNow();
        var stored = await ReadStatusAsync(stop);
        var (status, pastDue) = PastDueCheck.At(now, Schedule, stored);
        if (status != stored) await SaveStatusAsync(status);
        _status = status;

        var upcoming = Schedule.Occurrences(now).Take(5).Select(o => o.ToString("yyyy-MM-dd HH:mm:ss'Z'"));
        logger.LogInformation("Timer {Function} on '{Schedule}' (UTC); next occurrences {Occurrences}", Name, Schedule.Expression, string.Join(", ", upcoming));
        if (Schedule is IntervalSchedule)
            logger.LogWarning("Timer {Function} uses a TimeSpan schedule; Azure Functions runs those only on an App Service plan", Name);
        if (pastDue)
            logger.LogWarning("Timer {Function} missed its occurrence at {Due:O}; running it once now (past due)", Name, status.Next);
        return (status.Next, pastDue);
    }

    /// <summary>
    /// Runs <paramref name="due"/> unless another host already did; returns the occurrence to wait for next. A run the
    /// stopping host cut short ends in <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<DateTimeOffset> RunOccurrenceAsync(DateTimeOffset due, bool pastDue, CancellationToken stop)
    {
        await using var lease = await leases.AcquireAsync(Name, stop);
        var stored = await ReadStatusAsync(stop);
        if (stored is not null && stored.Last >= due)
        {
            var next = stored.Next > due ? stored.Next : Schedule.Next(due);
            logger.LogInformation("Timer {Function}: the occurrence at {Due:O} already ran at {Last:O} (another host); next {Next:O}", Name, due, stored.Last, next);
            _status = stored;
            return next;
        }

        var startedAt = clock.GetUtcNow();
        lock (_gate) (_running, _lastStarted) = (true, startedAt);
        logger.LogInformation("Timer {Function}: running the occurrence at {Due:O}{PastDue}", Name, due, pastDue ? " (past due)" : "");
        var finished = await RunJobAsync(new TimerOccurrence(Name, due, pastDue, stored ?? _status, Schedule), lease, stop);
        lock (_gate) (_running, _lastFinished, _runs) = (false, clock.GetUtcNow(), _runs + 1);

        if (!finished && lease.IsLost)
        {
            // Cut short because another host may be running it now: not recorded, so whoever holds the lease next
            // either sees it recorded and skips it, or runs it.
            return due;
        }

        if (!finished)
        {
            logger.LogWarning("Timer {Function}: the run for {Due:O} stopped with the host and is not recorded; the next start runs it (past due)", Name, due);
            stop.ThrowIfCancellationRequested();
            return due;
        }

        // As Azure: a run that fired a little early counts as the scheduled instant, so Next moves past it; a catch-up
        // counts from when it ran.
        var ranAt = pastDue || startedAt > due ? startedAt : due;
        var status = new TimerScheduleStatus(ranAt, Schedule.Next(ranAt), ranAt);
        await SaveStatusAsync(status);
        _status = status;
        return status.Next;
    }

    /// <summary>False when the job stopped because the host is stopping (or the lease was lost); a failure still counts as run.</summary>
    private async Task<bool> RunJobAsync(TimerOccurrence occurrence, JobLease lease, CancellationToken stop)
    {
        using var grace = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        await using var onStop = stop.Register(() => grace.CancelAfter(options.ShutdownGrace));
        using var run = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, lease.Lost);
        var started = clock.GetUtcNow();
        try
        {
            await timer.Job(occurrence, run.Token);
            logger.LogInformation("Timer {Function}: finished in {Seconds:0.0}s", Name, (clock.GetUtcNow() - started).TotalSeconds);
            return true;
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            // As Azure: a failed run is not retried before its next occurrence (the job already recorded what it skipped).
            logger.LogError(e, "Timer {Function}: the run for {Due:O} failed; the next run is at the next occurrence", Name, occurrence.ScheduledFor);
            return true;
        }
    }

    /// <summary>
    /// Sleeps until <paramref name="due"/> (false when stopped first). <see cref="TimerView.Next"/> shows it only once
    /// the sleep is armed, so whoever waits for it (a test moving a fake clock) cannot move time between this loop
    /// reading the clock and arming the sleep.
    /// </summary>
    private async Task<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken stop)
    {
        var shown = false;
        while (true)
        {
            var left = due - clock.GetUtcNow();
            var sleep = left <= TimeSpan.Zero ? null : Task.Delay(left < options.MaxSleep ? left : options.MaxSleep, clock, stop);
            if (!shown) lock (_gate) _next = due;
            shown = true;
            if (sleep is null) return true;
            try
            {
                await sleep;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private async Task<TimerScheduleStatus?> ReadStatusAsync(CancellationToken stop)
    {
        try
        {
            return await statuses.GetAsync(Name, stop);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Timer {Function}: {Problem}; starting its status afresh", Name, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Best effort, as Azure: a status that could not be written costs at most one repeated run on another host. Not
    /// cut short by stopping (a finished run should be recorded), but bounded in real time.
    /// </summary>
    private async Task SaveStatusAsync(TimerScheduleStatus status)
    {
        using var timeout = new CancellationTokenSource(StatusWriteTimeout);
        try
        {
            await statuses.SaveAsync(Name, status, timeout.Token);
        }
        catch (Exception e) when (IsStorageTrouble(e) || e is OperationCanceledException)
        {
            logger.LogError("Timer {Function}: could not record its status ({Error})", Name, e.Message);
        }
    }

    /// <summary>
    /// Trouble is logged and retried after a pause, never allowed to end the timer (as in Azure, whose listener keeps
    /// its schedule whatever an occurrence threw); stopping ends the attempts (null).
    /// </summary>
    private async Task<T?> UntilItWorksAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken stop) where T : struct
    {
        while (true)
        {
            try
            {
                return await attempt(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e)
            {
                if (IsStorageTrouble(e))
                    logger.LogWarning("Timer {Function}: storage could not be reached ({Error}); trying again in {Seconds:0}s", Name, e.Message, options.RetryDelay.TotalSeconds);
                else
                    logger.LogError(e, "Timer {Function}: scheduling failed; trying again in {Seconds:0}s", Name, options.RetryDelay.TotalSeconds);
                try
                {
                    await Task.Delay(options.RetryDelay, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }

    private static bool IsStorageTrouble(Exception e) =>
        StorageFailure.IsRequestFailure(e) || e is HttpRequestException or IOException or TimeoutException
        || (e is OperationCanceledException && e.InnerException is TimeoutException);
}
