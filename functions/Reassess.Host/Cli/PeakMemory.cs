using System.Diagnostics;

namespace Reassess.Host.Cli;

/// <summary>
/// The process's peak resident memory over a stretch of work. On Linux the kernel's own high-water mark (VmHWM) is
/// reset at the start (<c>/proc/self/clear_refs</c>), so earlier work such as generating test data does not count;
/// elsewhere, or if the reset is refused, the working set is sampled every 50 ms instead.
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly bool _kernelPeak;
    private long _sampled;

    private PeakMemory()
    {
        // A full compacting collection first, so the peak measured is the work's, not garbage left from before.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _kernelPeak = TryResetKernelPeak();
        _sampler = Task.Run(SampleAsync);
    }

    public static PeakMemory Start() => new();

    /// <summary>Peak resident bytes since <see cref="Start"/>.</summary>
    public long PeakBytes => Math.Max(Interlocked.Read(ref _sampled), _kernelPeak ? KernelPeak() ?? 0 : 0);

    public string Method => _kernelPeak ? "VmHWM after clear_refs" : "working set sampled every 50 ms";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var self = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            self.Refresh();
            var now = self.WorkingSet64;
            if (now > Interlocked.Read(ref _sampled)) Interlocked.Exchange(ref _sampled, now);
            try { await Task.Delay(50, _stop.Token); }
            catch (OperationCanceledException) { break; }
        }
    }

    private static bool TryResetKernelPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return KernelPeak() is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? KernelPeak()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return null;
    }
}
