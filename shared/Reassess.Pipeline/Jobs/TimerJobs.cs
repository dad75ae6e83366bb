using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline.Telemetry;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Runs a timer's job (<see cref="ITimerJob"/>, keyed by <see cref="JobName"/>) behind the job gate, so that a timer run,
/// an HTTP run and another host never run the same job at once. The Functions timers call <see cref="RunAsync"/>; the
/// self-hosted scheduler, which takes the same lease itself, calls <see cref="RunHeldAsync"/>.
/// </summary>
public sealed class TimerJobs(IServiceProvider services, IJobGate gate, TimeProvider clock, ILogger<TimerJobs> logger)
{
    /// <summary>A timer waits this long for a run of the same job to finish before giving up this occurrence.</summary>
    public static readonly TimeSpan TimerWait = TimeSpan.FromMinutes(10);

    /// <param name="scheduledFor">The occurrence a catch-up stands for; null for "now".</param>
    public async Task RunAsync(JobName job, bool isPastDue, DateTimeOffset? scheduledFor, CancellationToken cancellationToken)
    {
        using var span = JobTelemetry.StartTimer(job, isPastDue);
        await using var entered = await gate.TryEnterAsync(job, TimerWait, cancellationToken);
        if (entered is null)
        {
            logger.LogWarning("{Job} skipped: another run held the job for {Minutes} minutes.", job, TimerWait.TotalMinutes);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "another run held the job");
            return;
        }

        await RunHeldAsync(job, isPastDue, scheduledFor, cancellationToken);
    }

    /// <summary>
    /// Runs the job for a caller that already holds its gate. A catch-up of a missed occurrence works on the period it
    /// was scheduled for, not the one it happens to run in.
    /// </summary>
    public Task RunHeldAsync(JobName job, bool isPastDue, DateTimeOffset? scheduledFor, CancellationToken cancellationToken)
    {
        if (isPastDue) logger.LogWarning("{Job} is past due: running the missed occurrence now.", job);
        return services.GetRequiredKeyedService<ITimerJob>(job).RunAsync(scheduledFor ?? clock.GetUtcNow(), cancellationToken);
    }
}
