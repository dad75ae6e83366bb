using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Host.Scheduling;
using Reassess.Host.Scheduling.Schedules;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Leases;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;
using Reassess.Testing;

namespace Reassess.Host.Tests.Scheduling;

/// <summary>
/// One "host" running one timer in the test process: its own leases and scheduler over the shared Azurite, on the
/// test's clock. Leases wait in real time (Azurite's leases are real), polling often so tests stay fast.
/// </summary>
internal sealed class SchedulerHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private SchedulerHost(TimerScheduler scheduler)
    {
        Scheduler = scheduler;
        _running = scheduler.RunAsync(_stop.Token);
    }

    public TimerScheduler Scheduler { get; }

    public TimerView Timer => Scheduler.Timers.Single();

    public static SchedulerHost Start(
        StorageAccount account, string hostId, TimeProvider clock, TimerFunction function, string schedule, RecordingJob job,
        TimerSchedulerOptions? options = null, ILogger? logger = null)
    {
        var timer = new ScheduledTimer(function, TimerSchedule.Parse(schedule), job.RunAsync);
        var leases = new JobLeases(account, hostId, TestLeases.Fast, logger: logger);
        return new SchedulerHost(new TimerScheduler([timer], leases, new TimerStatusStore(account, hostId), clock, logger ?? NullLogger.Instance, options));
    }

    public Task Stopped => _running;

    /// <summary>Asks the host to stop; completes when the scheduler has returned.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running.IsCompleted)
        {
            try
            {
                await StopAsync();
            }
            catch (TimeoutException)
            {
                // a test left a job blocked on purpose; nothing more to clean up
            }
        }

        _stop.Dispose();
    }
}
