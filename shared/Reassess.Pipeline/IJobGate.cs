using Reassess.Pipeline.Jobs;

namespace Reassess.Pipeline;

/// <summary>
/// Serialises runs of one job across timers, HTTP requests and hosts (a blob lease in production). Entering returns
/// a handle to dispose when the run ends, or null when another run kept the job for the whole wait.
/// </summary>
public interface IJobGate
{
    Task<IAsyncDisposable?> TryEnterAsync(JobName job, TimeSpan wait, CancellationToken cancellationToken);
}
