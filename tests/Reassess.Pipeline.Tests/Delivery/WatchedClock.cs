using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>
/// A fake clock that tells the test each timer code starts (an attempt's timeout, a wait before a retry), so the test
/// moves time on exactly when the code waits, and sees how long it asked to wait.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started, waiting (in real time) a few seconds at most.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _started.Reader.ReadAsync(patience.Token);
    }

    /// <summary>
    /// Runs <paramref name="work"/> to its end, moving time over every wait it starts except timers of
    /// <paramref name="untouched"/> (attempt timeouts, which must not fire); returns the waits, in order.
    /// </summary>
    public async Task<(T Result, List<TimeSpan> Waits)> RunAsync<T>(Task<T> work, TimeSpan untouched)
    {
        var waits = new List<TimeSpan>();
        while (true)
        {
            var next = _started.Reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(work, next, Task.Delay(TimeSpan.FromSeconds(10))) == work) return (await work, waits);
            if (!next.IsCompleted) throw new TimeoutException("The code neither finished nor started a timer within 10 s.");
            var due = await _started.Reader.ReadAsync();
            if (due == untouched) continue;
            waits.Add(due);
            Advance(due);
        }
    }
}
