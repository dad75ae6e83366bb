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

    /// <summary>
    /// The baseline key's stored prices (any order), from which δ is estimated when the workload sets none
    /// (<see cref="PriceDecline"/>); null: none given, δ is 0.
    /// </summary>
    public IReadOnlyList<PriceRecord>? BaselinePriceHistory { get; init; }

    /// <summary>The workload's previous assessment, for flip detection.</summary>
    public Assessment? Previous { get; init; }
}
