using System.Text.Json.Serialization;

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

    /// <summary>
    /// False when the source reports tokens but no request count (Anthropic's usage report, FOCUS cost exports):
    /// <see cref="Calls"/> is then 0 meaning "not known", never "no calls" (see <see cref="HasCallCount"/>).
    /// </summary>
    public bool CallsReported { get; init; } = true;

    /// <summary>What the day cost as the source billed it, kept for finance trends; null when the source states no cost.</summary>
    public decimal? Cost { get; init; }

    /// <summary>ISO currency of <see cref="Cost"/> (e.g. <c>USD</c>).</summary>
    public string? Currency { get; init; }

    [JsonIgnore]
    public long TotalTokens => UncachedInputTokens + CachedInputTokens + CacheWriteTokens + OutputTokens;

    /// <summary>
    /// Whether <see cref="Calls"/> can be believed. Tokens without a single call cannot happen, so such a row counts as
    /// one without a call count even when it was stored before <see cref="CallsReported"/> was kept.
    /// </summary>
    [JsonIgnore]
    public bool HasCallCount => CallsReported && !(Calls == 0 && TotalTokens > 0);

    /// <summary>True when the row says anything about usage (calls or tokens), as opposed to a cost-only line.</summary>
    [JsonIgnore]
    public bool ReportsUsage => Calls > 0 || TotalTokens > 0;
}
