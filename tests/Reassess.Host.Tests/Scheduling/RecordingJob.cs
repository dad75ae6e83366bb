using System.Collections.Concurrent;
using Reassess.Host.Scheduling;

namespace Reassess.Host.Tests.Scheduling;

/// <summary>A timer job that records every run and how many ran at once; <see cref="Body"/> decides what a run does.</summary>
internal sealed class RecordingJob
{
    private readonly ConcurrentQueue<TimerOccurrence> _runs = new();
    private int _running;
    private int _mostAtOnce;

    public Func<TimerOccurrence, CancellationToken, Task> Body { get; init; } = (_, _) => Task.CompletedTask;

    public IReadOnlyList<TimerOccurrence> Runs => _runs.ToList();

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public async Task RunAsync(TimerOccurrence occurrence, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = Volatile.Read(ref _mostAtOnce)) < now && Interlocked.CompareExchange(ref _mostAtOnce, now, seen) != seen) { }
        _runs.Enqueue(occurrence);
        try
        {
            await Body(occurrence, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
