namespace Reassess.Core.Usage;

/// <summary>
/// Usage of one model on one UTC day as a provider API, a metrics service or a billing export reports it, before
/// it is known whose it is: the source's <see cref="Dimensions"/> decide the workload (<see cref="UsageMapper"/>).
/// Token kinds never overlap, as in <see cref="DailyUsage"/>.
/// </summary>
public sealed record MeteredUsage
{
    /// <summary>The format it came from (<c>openai</c>, <c>anthropic</c>, <c>azure-monitor</c>, <c>focus</c>, <c>openai-costs</c>, …).</summary>
    public required string Source { get; init; }

    public required DateOnly Day { get; init; }

    /// <summary>Price key <c>provider/model</c>; <c>provider/*</c> when the answer was not split by model.</summary>
    public required string Model { get; init; }

    public UsageDimensions Dimensions { get; init; } = UsageDimensions.None;

    /// <summary>Requests made; null when the source has no request count (never read as zero).</summary>
    public long? Calls { get; init; }

    public long UncachedInputTokens { get; init; }
    public long CachedInputTokens { get; init; }
    public long CacheWriteTokens { get; init; }
    public long OutputTokens { get; init; }

    /// <summary>The day's p95 latency, when the source measures percentiles.</summary>
    public decimal? LatencyP95Ms { get; init; }

    /// <summary>The day's mean latency (Azure Monitor gives averages only): shown, never taken for a p95.</summary>
    public decimal? LatencyMeanMs { get; init; }

    public decimal? Cost { get; init; }
    public string? Currency { get; init; }

    /// <summary>The source's bucket covered only part of the day (the edge of the period asked for): the day's totals will grow.</summary>
    public bool PartialDay { get; init; }

    public long TotalTokens => UncachedInputTokens + CachedInputTokens + CacheWriteTokens + OutputTokens;
}
