using System.Diagnostics;
using Xunit.Sdk;

namespace Reassess.Testing;

/// <summary>Waits (in real time) for something the scheduler does in the background.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit) throw new XunitException($"Gave up after {limit.TotalSeconds:0} s waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
