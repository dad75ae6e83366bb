namespace Reassess.Core.Usage;

/// <summary>
/// A workload's usage totals over an assessment window: the "window" of a what-if and of every assessment.
/// Token figures are totals over the window, not per call.
/// </summary>
public sealed record UsageWindow
{
    /// <summary>Length of the window in days (the divisor that turns window calls into monthly calls).</summary>
    public int Days { get; init; } = 28;

    /// <summary>First and last UTC day of the window, when it comes from stored usage.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    public long Calls { get; init; }
    public long UncachedInputTokens { get; init; }
    public long CachedInputTokens { get; init; }
    public long CacheWriteTokens { get; init; }
    public long OutputTokens { get; init; }

    /// <summary>Call-weighted mean of the daily p95 latencies over the days that measured one.</summary>
    public decimal? LatencyP95Ms { get; init; }

    public long FormatChecked { get; init; }
    public long FormatViolations { get; init; }

    /// <summary>Baseline eval scores of the last eight weeks, oldest first.</summary>
    public IReadOnlyList<decimal> EvalScores { get; init; } = [];

    /// <summary>Days inside the window that reported any usage; fewer than <see cref="Days"/> is worth a note.</summary>
    public int DaysWithUsage { get; init; }

    /// <summary>Sources the usage came from, for the audit trail.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public bool HasUsage => Calls > 0;
}
