namespace Reassess.Core.Usage;

/// <summary>
/// A workload's usage totals over an assessment window: the "window" of a what-if and of every assessment.
/// Token figures are totals over the window, not per call.
/// </summary>
public sealed record UsageWindow
{
    /// <summary>
    /// Length of the window in days (the divisor that turns window calls into monthly calls), less the days whose call
    /// count no source gives (<see cref="DaysWithoutCallCount"/>).
    /// </summary>
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

    /// <summary>The day of each of <see cref="EvalScores"/>, in the same order; empty when the scores are undated (one week apart).</summary>
    public IReadOnlyList<DateOnly> EvalDays { get; init; } = [];

    /// <summary>Days inside the window that reported any usage; fewer than <see cref="Days"/> is worth a note.</summary>
    public int DaysWithUsage { get; init; }

    /// <summary>Sources the usage came from, for the audit trail.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>
    /// Days in the window with usage but no call count from any source (Anthropic or FOCUS alone): an evidence gap.
    /// Their tokens are left out of the totals and the days out of <see cref="Days"/>, so per-call figures and monthly
    /// volume come from the days whose calls are known instead of reading unknown calls as zero.
    /// </summary>
    public int DaysWithoutCallCount { get; init; }

    /// <summary>
    /// Where several sources reported the same day and model, which one each measure was taken from
    /// (<see cref="SourcePrecedence"/>), e.g. <c>28 day(s) of anthropic/claude-haiku-4-5 reported by anthropic, gateway: …</c>.
    /// </summary>
    public IReadOnlyList<string> SourceChoices { get; init; } = [];

    public bool HasUsage => Calls > 0;
}
