namespace Reassess.Core.Usage;

/// <summary>
/// One workload's usage of one model on one UTC day as one source reported it. Token kinds never overlap:
/// uncached input, cached input read, cache write and output add up to all tokens billed.
/// </summary>
public sealed record DailyUsage
{
    public required string WorkloadId { get; init; }
    public required DateOnly Day { get; init; }
    public required string Source { get; init; }
    public required string Model { get; init; }
    public long Calls { get; init; }
    public long UncachedInputTokens { get; init; }
    public long CachedInputTokens { get; init; }
    public long CacheWriteTokens { get; init; }
    public long OutputTokens { get; init; }

    /// <summary>That day's p95 latency in milliseconds, when measured.</summary>
    public decimal? LatencyP95Ms { get; init; }

    /// <summary>Outputs checked against the strict format that day, when checked.</summary>
    public long? FormatChecked { get; init; }
    public long? FormatViolations { get; init; }
}
