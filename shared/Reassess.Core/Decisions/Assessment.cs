using System.Text.Json.Serialization;

namespace Reassess.Core.Decisions;

/// <summary>
/// One workload's verdict at one instant, with everything needed to audit it later: the thresholds and their
/// evidence, the economics, the sensitivity, and the inputs (prices with their dates and sources, the window).
/// Its JSON form (camelCase) is the contract of <c>/api/whatif</c>, <c>reassess whatif</c> and <c>assessments.json</c>.
/// </summary>
public sealed record Assessment
{
    public required string WorkloadId { get; init; }
    public string WorkloadName { get; init; } = "";
    public string Team { get; init; } = "";
    public string CostCenter { get; init; } = "";
    public required DateTimeOffset AssessedAt { get; init; }
    public required Verdict Verdict { get; init; }
    public required ThresholdSet Thresholds { get; init; }
    public IReadOnlyList<string> ReadinessGaps { get; init; } = [];

    /// <summary>Thresholds that could not be judged, and what evidence would settle them.</summary>
    public IReadOnlyList<string> EvidenceGaps { get; init; } = [];

    public required Economics Economics { get; init; }
    public required Sensitivity Sensitivity { get; init; }

    /// <summary>
    /// The same cost model asked "what if": payback at other volumes and horizon net with each driver moved. Null in
    /// assessments stored before it existed.
    /// </summary>
    public Scenarios? Scenarios { get; init; }

    /// <summary>
    /// Every option priced on the same footing (per baseline call, per accepted outcome): staying, each alternative
    /// (qualifying or not, with why), and the fine-tune.
    /// </summary>
    public IReadOnlyList<OptionSummary> Options { get; init; } = [];

    /// <summary>The qualifying alternative with the highest horizon net, when that net is positive; else null.</summary>
    public string? BestRoute { get; init; }

    /// <summary>Set when the verdict differs from the workload's previous assessment.</summary>
    public Flip? Flip { get; init; }

    public required AssessmentInputs Inputs { get; init; }
}

public sealed record ThresholdSet(
    ThresholdResult Volume, ThresholdResult Format, ThresholdResult Latency, ThresholdResult Quality)
{
    public IEnumerable<(string Name, ThresholdResult Result)> Named()
    {
        yield return ("volume", Volume);
        yield return ("format", Format);
        yield return ("latency", Latency);
        yield return ("quality", Quality);
    }

    [JsonIgnore]
    public int MetCount => Named().Count(t => t.Result.Status == ThresholdStatus.Met);
}

public sealed record ThresholdResult(ThresholdStatus Status, string Evidence);

/// <summary>
/// The fine-tune against staying. Monthly figures in USD; per-call figures in USD per baseline call (an option that
/// breaks the format more often pays for its retries in them) unless named otherwise.
/// </summary>
public sealed record Economics
{
    public decimal MonthlyCalls { get; init; }
    public decimal BaselineCostPerCall { get; init; }

    /// <summary>c: the fine-tuned model's own token cost per call (0 for a self-hosted one).</summary>
    public decimal CandidateCostPerCall { get; init; }

    /// <summary>(C·ĉ + F + Kr/R) / C: what a call on the candidate really costs, hosting, GPUs and retraining included.</summary>
    public decimal AllInCandidateCostPerCall { get; init; }

    /// <summary>b − ĉ.</summary>
    public decimal PerCallSavings { get; init; }

    /// <summary>b / (1 − v_b): the baseline's cost per output that passes the format check.</summary>
    public decimal BaselineCostPerAcceptedOutcome { get; init; }

    /// <summary>(C·ĉ + F + Kr/R) / A with A = C·(1 − v_b): the candidate's cost per accepted outcome.</summary>
    public decimal CandidateCostPerAcceptedOutcome { get; init; }

    public decimal BaselineMonthlyCost { get; init; }

    /// <summary>Candidate per-call cost times volume, plus the fixed monthly cost and amortised retraining.</summary>
    public decimal CandidateMonthlyCost { get; init; }

    /// <summary>First-month savings net of fixed costs and amortised retraining (S₁).</summary>
    public decimal MonthlyNetSavings { get; init; }

    public decimal BuildCost { get; init; }

    /// <summary>Hosting, GPUs and operations per month (F), without retraining.</summary>
    public decimal MonthlyFixedCost { get; init; }

    /// <summary>Retraining cost per month (Kr/R).</summary>
    public decimal MonthlyRetrainCost { get; init; }

    public decimal TrainingCost { get; init; }

    /// <summary>GPUs of a self-hosted candidate in month 1, sized for its peak hour.</summary>
    public int Gpus { get; init; }

    /// <summary>Calls made until payback (null without one).</summary>
    public decimal? BreakevenCalls { get; init; }
    public decimal? MonthlyVolumeFloor { get; init; }
    public decimal? PaybackMonths { get; init; }
    public decimal HorizonNet { get; init; }
    public int HorizonMonths { get; init; }
    public decimal MonthlyPriceDecline { get; init; }
    public decimal MonthlyVolumeGrowth { get; init; }
}

/// <summary>
/// Where the fine-tune's volume threshold changes state, and how close that is: <see cref="Margin"/> is the smaller of
/// the relative volume change and the frontier price change that would change it; <see cref="Fragile"/> when under 10%.
/// </summary>
public sealed record Sensitivity(decimal? FlipMonthlyCalls, decimal? FlipBaselinePriceChangePct)
{
    public decimal? Margin { get; init; }
    public bool Fragile { get; init; }
}

/// <summary>What an option is: staying on the baseline, an alternative (switch or partial route), or the fine-tune.</summary>
public enum OptionKind
{
    Stay,
    Route,
    FineTune,
}

/// <summary>
/// One option of an assessment, on the same footing as the others: its cost per baseline call in month 1, per accepted
/// outcome, per month, and what it nets against staying. <see cref="Reasons"/> say why it does not qualify (or what
/// is unknown about it). Figures are null where the option cannot be priced.
/// </summary>
public sealed record OptionSummary
{
    public required OptionKind Kind { get; init; }
    public required string Model { get; init; }

    /// <summary>The part of the calls it serves (1 for staying, a switch and the fine-tune).</summary>
    public decimal Share { get; init; } = 1m;

    public bool Qualifies { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public decimal? PerCallCost { get; init; }
    public decimal? CostPerAcceptedOutcome { get; init; }
    public decimal? MonthlyCost { get; init; }
    public decimal? MonthlyNetSavings { get; init; }
    public decimal? HorizonNet { get; init; }
    public decimal? PaybackMonths { get; init; }
}

/// <summary>
/// What-ifs of one assessment's cost model, for the report's charts: payback across monthly volumes (the current
/// volume among them), and the horizon net when each driver is <see cref="SwingPct"/> percent lower or higher.
/// </summary>
public sealed record Scenarios
{
    /// <summary>The volume threshold's payback limit the curve is read against.</summary>
    public decimal MaxPaybackMonths { get; init; }

    /// <summary>Ascending monthly volumes with their payback (null: none within 120 months).</summary>
    public IReadOnlyList<PaybackPoint> PaybackByVolume { get; init; } = [];

    /// <summary>How far each driver is moved either way, in percent.</summary>
    public decimal SwingPct { get; init; }

    /// <summary>Horizon net with one driver moved at a time, widest swing first; drivers that change nothing are left out.</summary>
    public IReadOnlyList<HorizonNetSwing> HorizonNetSwings { get; init; } = [];
}

public sealed record PaybackPoint(decimal MonthlyCalls, decimal? PaybackMonths);

/// <summary>Horizon net when <paramref name="Driver"/> is lower, and when it is higher, by <see cref="Scenarios.SwingPct"/>.</summary>
public sealed record HorizonNetSwing(string Driver, decimal WhenLower, decimal WhenHigher);

/// <summary>A verdict that changed since the previous assessment, and what moved.</summary>
public sealed record Flip(
    Verdict PreviousVerdict,
    DateTimeOffset PreviousAssessedAt,
    IReadOnlyList<string> Drivers);

public sealed record AssessmentInputs
{
    public IReadOnlyList<PriceInput> Prices { get; init; } = [];
    public required WindowInput Window { get; init; }

    /// <summary>Where δ came from: <c>workload</c>, <c>price-history</c> or <c>default</c>.</summary>
    public string PriceDeclineSource { get; init; } = "default";

    /// <summary>Every figure the assessment assumed because the workload or the window did not give it, and why.</summary>
    public IReadOnlyList<DefaultApplied> Defaults { get; init; } = [];
}

/// <summary>A default an assessment applied: what, the value used, and where that value came from.</summary>
public sealed record DefaultApplied(string Name, string Value, string Source);

/// <summary>
/// A price record an assessment used, by role (baseline, candidate, training, alternative), with the token prices it
/// quoted so a later reader can see what moved.
/// </summary>
public sealed record PriceInput(
    string Role,
    string Key,
    DateTimeOffset EffectiveFrom,
    string Source,
    decimal? InputPerMTok = null,
    decimal? OutputPerMTok = null);

public sealed record WindowInput
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Days { get; init; }
    public int DaysWithUsage { get; init; }
    public long Calls { get; init; }
    public decimal UncachedInputTokensPerCall { get; init; }
    public decimal CachedInputTokensPerCall { get; init; }
    public decimal CacheWriteTokensPerCall { get; init; }
    public decimal OutputTokensPerCall { get; init; }
    public decimal? LatencyP95Ms { get; init; }
    public long FormatChecked { get; init; }
    public long FormatViolations { get; init; }
    public IReadOnlyList<decimal> EvalScores { get; init; } = [];

    /// <summary>The day of each eval score, in the same order; empty when the scores came undated (one week apart).</summary>
    public IReadOnlyList<DateOnly> EvalDays { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Days with tokens but no call count from any source: left out of the window, an evidence gap.</summary>
    public int DaysWithoutCallCount { get; init; }

    /// <summary>Which source each measure came from where several reported the same day (the documented precedence).</summary>
    public IReadOnlyList<string> SourceChoices { get; init; } = [];
}
