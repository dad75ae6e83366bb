namespace Reassess.Pipeline.Jobs;

/// <summary>
/// What a timer runs: the job's work for one occurrence of its schedule. Registered by <see cref="JobName"/> as a keyed
/// service, so both hosts find a timer's job the same way (<see cref="TimerJobs"/>).
/// </summary>
public interface ITimerJob
{
    /// <param name="occurrence">The occurrence this run stands for (a catch-up keeps the missed one), which picks the period.</param>
    Task RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken);
}
