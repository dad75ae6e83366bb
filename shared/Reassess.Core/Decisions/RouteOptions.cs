using Reassess.Core.Prices;
using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>
/// Each alternative a workload lists, as an option: it qualifies when it has a price in force, the workload has a
/// quality target and the alternative's score reaches it, and it does not miss a target it states (p95 latency at most
/// the target; for a strict format, a violation rate within the tolerance). An unstated latency or rate against a
/// target is an evidence gap, not a disqualification. The best route is the qualifying one with the highest horizon
/// net (ties: the lower model key), when that net is positive.
/// </summary>
public static class RouteOptions
{
    /// <summary>One alternative priced (when it has a price) and judged.</summary>
    public sealed record Evaluated(AlternativeModel Alternative, RouteModel? Model, bool Qualifies, IReadOnlyList<string> Reasons, IReadOnlyList<string> Gaps)
    {
        public decimal? HorizonNet { get; init; }
        public decimal? PaybackMonths { get; init; }
    }

    public sealed record Context(
        Workload Workload, TokenMix Mix, decimal BaselineCostPerCall, Acceptance Acceptance,
        decimal MonthlyCalls, decimal MonthlyPriceDecline, decimal MonthlyVolumeGrowth);

    public static IReadOnlyList<Evaluated> Evaluate(Context context, IReadOnlyList<(AlternativeModel Alternative, PriceRecord? Price)> alternatives)
    {
        var targets = context.Workload.Targets;
        var evaluated = new List<Evaluated>();
        foreach (var (alternative, price) in alternatives)
        {
            var reasons = new List<string>();
            var gaps = new List<string>();
            if (price is null) reasons.Add("no price in force, so it cannot be compared");
            if (targets.QualityScore is not { } quality) reasons.Add("the workload has no quality target to hold it to");
            else if (alternative.EvalScore < quality)
                reasons.Add($"scores {Evidence.Number(alternative.EvalScore, "0.0")} < target {Evidence.Number(quality, "0.0")}");

            if (targets.LatencyP95Ms is { } latencyTarget)
            {
                if (alternative.LatencyP95Ms is not { } latency)
                    gaps.Add($"alternative {alternative.Model}: p95 latency served this way is not stated (target {Evidence.Number(latencyTarget, "0")} ms).");
                else if (latency > latencyTarget)
                    reasons.Add($"p95 {Evidence.Number(latency, "0")} ms > target {Evidence.Number(latencyTarget, "0")} ms");
            }

            if (targets.Format.Strict)
            {
                if (alternative.FormatViolationRate is not { } rate)
                    gaps.Add($"alternative {alternative.Model}: its format violation rate is not stated (tolerance {Evidence.Percent(targets.Format.Tolerance)}); the baseline's is assumed.");
                else if (rate > targets.Format.Tolerance)
                    reasons.Add($"{Evidence.Percent(rate)} of outputs break the format > tolerance {Evidence.Percent(targets.Format.Tolerance)}");
            }

            var model = price is null ? null : ModelOf(context, alternative, price);
            evaluated.Add(new Evaluated(alternative, model, reasons.Count == 0, reasons, gaps)
            {
                HorizonNet = model?.HorizonNet(context.MonthlyCalls, context.Workload.Assumptions.HorizonMonths),
                PaybackMonths = model?.PaybackMonths(context.MonthlyCalls),
            });
        }

        return evaluated;
    }

    /// <summary>The qualifying alternative with the highest horizon net when it is positive (ties: the lower model key); else null.</summary>
    public static Evaluated? Best(IEnumerable<Evaluated> evaluated) => evaluated
        .Where(e => e.Qualifies && e.HorizonNet > 0)
        .OrderByDescending(e => e.HorizonNet)
        .ThenBy(e => e.Alternative.Model, StringComparer.Ordinal)
        .FirstOrDefault();

    /// <summary>A qualifying switch (share 1) costing no more per baseline call than the baseline, the cheapest first; null when none.</summary>
    public static CheaperSwitch? CheaperSwitch(IEnumerable<Evaluated> evaluated, decimal baselineCostPerCall) => evaluated
        .Where(e => e.Qualifies && e.Alternative.Share == 1m && e.Model is not null && e.Model.CostPerBaselineCall() <= baselineCostPerCall)
        .OrderBy(e => e.Model!.CostPerBaselineCall())
        .ThenBy(e => e.Alternative.Model, StringComparer.Ordinal)
        .Select(e => new CheaperSwitch(e.Alternative.Model, e.Alternative.EvalScore, e.Model!.CostPerBaselineCall()))
        .FirstOrDefault();

    /// <summary><c>v_r = share·(rate ?? v_b) + (1−share)·v_b</c>, <c>q_r = (1−v_b)/(1−v_r)</c>; the rest of the model as stated.</summary>
    private static RouteModel ModelOf(Context context, AlternativeModel alternative, PriceRecord price)
    {
        var baselineRate = context.Acceptance.BaselineRate;
        var routedRate = alternative.Share * (alternative.FormatViolationRate ?? baselineRate) + (1 - alternative.Share) * baselineRate;
        return new RouteModel
        {
            BaselineCostPerCall = context.BaselineCostPerCall,
            AlternativeCostPerCall = CallCost.Of(price, context.Mix, context.Workload.Baseline.Batch),
            Share = alternative.Share,
            RouterCostPerCall = alternative.RouterCostPerCall,
            CallsPerBaselineCall = context.Acceptance.CallsPerBaselineCall(routedRate),
            MigrationCost = alternative.MigrationCost,
            MonthlyPriceDecline = context.MonthlyPriceDecline,
            MonthlyVolumeGrowth = context.MonthlyVolumeGrowth,
        };
    }
}
