using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>
/// The four ROI thresholds (docs/decision-engine.md). A fine-tune is only worth it when at least two hold; each says Met,
/// NotMet or Unknown with the evidence a reader can check.
/// </summary>
public static class Thresholds
{
    public const int MinimumEvalPoints = 4;
    public const decimal PlateauRange = 2.0m;

    /// <summary>Points a week by which scores still climbing are not a plateau.</summary>
    public const decimal MaxPlateauSlope = 0.25m;

    /// <summary>Volume amortises the build: payback within the workload's limit.</summary>
    public static ThresholdResult Volume(UsageWindow window, decimal? paybackMonths, decimal maxPaybackMonths, decimal monthlyCalls)
    {
        if (!window.HasUsage)
            return new(ThresholdStatus.Unknown,
                $"No calls recorded in the {window.Days}-day window {Evidence.Day(window.From)}…{Evidence.Day(window.To)}.");

        var limit = Evidence.Number(maxPaybackMonths);
        var volume = $"{Evidence.Calls(monthlyCalls)} calls/month";
        return paybackMonths switch
        {
            null => new(ThresholdStatus.NotMet, $"No payback within {CostModel.PaybackSearchMonths} months at {volume}."),
            var p when p <= maxPaybackMonths =>
                new(ThresholdStatus.Met, $"Payback in {Evidence.Number(p.Value, "0.0")} months ≤ {limit} at {volume}."),
            var p => new(ThresholdStatus.NotMet, $"Payback in {Evidence.Number(p.Value, "0.0")} months > {limit} at {volume}."),
        };
    }

    /// <summary>The output format is strict and prompting does not hold it.</summary>
    public static ThresholdResult Format(UsageWindow window, FormatTarget target)
    {
        if (!target.Strict)
            return new(ThresholdStatus.NotMet, "Output format is not strict.");
        if (window.FormatChecked <= 0)
            return new(ThresholdStatus.Unknown, "Format is strict but no outputs were checked in the window.");

        var rate = (decimal)window.FormatViolations / window.FormatChecked;
        var observed = $"{Evidence.Percent(rate)} of {Evidence.Count(window.FormatChecked)} checked outputs broke the format";
        return rate > target.Tolerance
            ? new(ThresholdStatus.Met, $"{observed} (tolerance {Evidence.Percent(target.Tolerance)}).")
            : new(ThresholdStatus.NotMet, $"{observed}, within tolerance {Evidence.Percent(target.Tolerance)}.");
    }

    /// <summary>The baseline misses its latency target at p95.</summary>
    public static ThresholdResult Latency(UsageWindow window, decimal? targetP95Ms)
    {
        if (targetP95Ms is null)
            return new(ThresholdStatus.NotMet, "No latency target.");
        if (window.LatencyP95Ms is not { } p95)
            return new(ThresholdStatus.Unknown, "No p95 latency measured in the window.");

        var observed = $"p95 {Evidence.Number(p95, "0")} ms";
        var target = $"target {Evidence.Number(targetP95Ms.Value, "0")} ms";
        return p95 > targetP95Ms
            ? new(ThresholdStatus.Met, $"{observed} > {target}.")
            : new(ThresholdStatus.NotMet, $"{observed} ≤ {target}.");
    }

    /// <summary>
    /// Baseline quality has plateaued below target despite evaluation: at least 4 points, the latest below target, a
    /// range of at most 2 points, and not still climbing (least-squares slope at most 0.25 points a week). NotMet when
    /// a qualifying switch already reaches the target at no more cost per baseline call: training is not needed for it.
    /// </summary>
    public static ThresholdResult Quality(UsageWindow window, decimal? targetScore, CheaperSwitch? cheaperSwitch = null)
    {
        if (targetScore is null)
            return new(ThresholdStatus.NotMet, "No quality target.");
        var target = Evidence.Number(targetScore.Value, "0.0");
        if (cheaperSwitch is { } other)
            return new(ThresholdStatus.NotMet,
                $"{other.Model} already scores {Evidence.Number(other.EvalScore, "0.0")} ≥ target {target} at {Evidence.Money(other.CostPerBaselineCall, 7)} a call, no more than the baseline's.");

        var scores = window.EvalScores;
        if (scores.Count < MinimumEvalPoints)
            return new(ThresholdStatus.Unknown,
                $"{scores.Count} eval point(s) in the last 8 weeks; {MinimumEvalPoints} needed to judge a plateau.");

        var latest = scores[^1];
        var range = scores.Max() - scores.Min();
        var spread = $"range {Evidence.Number(range, "0.0")} over {scores.Count} points";
        if (latest >= targetScore)
            return new(ThresholdStatus.NotMet, $"Latest eval {Evidence.Number(latest, "0.0")} ≥ target {target}.");
        if (range > PlateauRange)
            return new(ThresholdStatus.NotMet,
                $"Latest eval {Evidence.Number(latest, "0.0")} < target {target} but still moving ({spread} > {Evidence.Number(PlateauRange, "0.0")}).");
        var slope = WeeklySlope(scores, window.EvalDays);
        if (slope > MaxPlateauSlope)
            return new(ThresholdStatus.NotMet,
                $"Latest eval {Evidence.Number(latest, "0.0")} < target {target} but still climbing ({Evidence.Number(slope, "0.00")} points a week > {Evidence.Number(MaxPlateauSlope, "0.00")}).");
        return new(ThresholdStatus.Met,
            $"Latest eval {Evidence.Number(latest, "0.0")} < target {target}, plateaued ({spread} ≤ {Evidence.Number(PlateauRange, "0.0")}, {Evidence.Number(slope, "0.00")} points a week).");
    }

    /// <summary>
    /// Least-squares slope of score over time, in points a week: <c>Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²</c> with x the week of
    /// each score (from its day; one week apart, oldest first, when undated).
    /// </summary>
    public static decimal WeeklySlope(IReadOnlyList<decimal> scores, IReadOnlyList<DateOnly> days)
    {
        var weeks = days.Count == scores.Count && days.Count > 0
            ? days.Select(d => (d.DayNumber - days[0].DayNumber) / 7m).ToList()
            : Enumerable.Range(0, scores.Count).Select(i => (decimal)i).ToList();
        var (meanX, meanY) = (weeks.Average(), scores.Average());
        var spread = weeks.Sum(x => (x - meanX) * (x - meanX));
        return spread == 0 ? 0m : weeks.Zip(scores).Sum(p => (p.First - meanX) * (p.Second - meanY)) / spread;
    }
}

/// <summary>A qualifying switch (share 1) that costs no more per baseline call than the baseline: the quality without training.</summary>
public sealed record CheaperSwitch(string Model, decimal EvalScore, decimal CostPerBaselineCall);
