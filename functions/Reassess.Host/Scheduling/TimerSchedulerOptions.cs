namespace Reassess.Host.Scheduling;

public sealed record TimerSchedulerOptions
{
    /// <summary>
    /// On shutdown, how long a running job may go on before its token is cancelled. Keep it below the host's shutdown
    /// timeout (30 s by default) so a job that honours its token still ends before the process does.
    /// </summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait before trying again after storage could not be reached.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest single sleep; waking up re-reads the clock, so a suspended machine or a clock change is noticed.</summary>
    public TimeSpan MaxSleep { get; init; } = TimeSpan.FromHours(1);
}
