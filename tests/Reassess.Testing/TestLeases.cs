using Reassess.Pipeline.Leases;

namespace Reassess.Testing;

/// <summary>Lease settings for tests: leases that notice a release or a loss within 50 ms, so lease tests wait milliseconds, not the production poll.</summary>
public static class TestLeases
{
    public static readonly JobLeaseOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(50) };

    /// <summary>A host id of its own, so a test's locks and timer status never meet another test's.</summary>
    public static string NewHostId() => "t" + Guid.NewGuid().ToString("N")[..12];
}
