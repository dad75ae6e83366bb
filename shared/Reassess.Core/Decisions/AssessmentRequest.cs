using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>Everything one assessment is computed from.</summary>
public sealed record AssessmentRequest
{
    public required Workload Workload { get; init; }
    public required PriceBook Prices { get; init; }
    public required UsageWindow Window { get; init; }
    public required DateTimeOffset AssessedAt { get; init; }

    /// <summary>The frontier model's monthly price decline estimated from its price history, used when the workload sets none.</summary>
    public decimal? EstimatedMonthlyPriceDecline { get; init; }

    /// <summary>The workload's previous assessment, for flip detection.</summary>
    public Assessment? Previous { get; init; }
}
