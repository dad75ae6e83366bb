using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Wall time a job spent in each of its phases, for the log line that says where a long run went. Phases that
/// overlap (reading the next shard while assessing this one) are timed where the job waits for them.
/// </summary>
internal sealed class PhaseTimes
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        using var _ = Start(phase);
        return await work();
    }

    public async Task TimeAsync(string phase, Func<Task> work)
    {
        using var _ = Start(phase);
        await work();
    }

    public IDisposable Start(string phase)
    {
        lock (_order) if (!_order.Contains(phase)) _order.Add(phase);
        return new Running(this, phase, Stopwatch.GetTimestamp());
    }

    public override string ToString()
    {
        lock (_order)
            return string.Join(", ", _order.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p} {TimeSpan.FromTicks(Stopwatch.GetElapsedTime(0, _ticks.GetValueOrDefault(p)).Ticks).TotalSeconds:0.0} s")));
    }

    private sealed class Running(PhaseTimes times, string phase, long started) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                times._ticks.AddOrUpdate(phase, Stopwatch.GetTimestamp() - started, (_, t) => t + Stopwatch.GetTimestamp() - started);
        }
    }
}
