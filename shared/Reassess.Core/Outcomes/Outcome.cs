using Reassess.Core.Decisions;
using Reassess.Core.Prices;
using Reassess.Core.Usage;

namespace Reassess.Core.Outcomes;

/// <summary>What "did it pay?" is asked of: a decision's forecast, and what has happened since.</summary>
public sealed record OutcomeRequest
{
    public required Forecast Forecast { get; init; }

    /// <summary>What building it actually cost (the decision's <c>buildCost</c>); null: the forecast's is used, and the outcome says so.</summary>
    public decimal? ActualBuildCost { get; init; }

    /// <summary>The workload's daily usage rows (any sources, any days: those from the decision day to <see cref="AsOf"/> are read).</summary>
    public required IReadOnlyList<DailyUsage> Usage { get; init; }

    /// <summary>The prices in force on a UTC day.</summary>
    public required Func<DateOnly, PriceBook> PricesOn { get; init; }

    /// <summary>The last day counted (inclusive): the outcome is as of this day.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The workload runs through the batch API (its <c>baseline.batch</c>), as the engine prices it.</summary>
    public bool Batch { get; init; }

    /// <summary>
    /// Fixed monthly costs no price sheet shows (GPUs, operations, retraining, a router's fee) as realised; null: the
    /// forecast's, less the chosen model's hosting at the forecast's prices, and the outcome says so.
    /// </summary>
    public decimal? OtherFixedMonthlyCost { get; init; }
}

/// <summary>
/// Did the decision pay, as of a day? Money rounded to the cent; null where the evidence does not allow a figure
/// (see <see cref="EvidenceGaps"/>).
/// </summary>
public sealed record Outcome
{
    public required Forecast Forecast { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>The days the monthly figures are taken over (the last <see cref="OutcomeCalculator.RateWindowDays"/> priced days at most).</summary>
    public int RateDays { get; init; }

    public decimal? MonthlyCalls { get; init; }
    public decimal? MonthlyCost { get; init; }
    public decimal? CounterfactualMonthlyCost { get; init; }
    public decimal? MonthlyNetSavings { get; init; }
    public decimal ForecastMonthlyNetSavings { get; init; }

    /// <summary>Σ over priced days since the decision of (counterfactual − realised), less the build cost.</summary>
    public decimal? SavingsToDate { get; init; }

    public decimal? BuildCost { get; init; }

    /// <summary><c>actual</c> (the decision's) or <c>forecast</c> (the assessment's, as none was given).</summary>
    public required string BuildCostSource { get; init; }

    /// <summary>The month since the decision (1 = its first 30.4375 days) in which cumulative savings first covered the build cost.</summary>
    public int? PaybackMonth { get; init; }

    public decimal? ForecastPaybackMonths { get; init; }
    public SavingsVariance? Variance { get; init; }
    public required string Verdict { get; init; }
    public IReadOnlyList<string> EvidenceGaps { get; init; } = [];

    /// <summary>What the outcome assumed for want of a realised figure.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}
