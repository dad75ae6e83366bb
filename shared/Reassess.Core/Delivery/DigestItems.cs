using Reassess.Core.Decisions;
using Reassess.Core.Reporting;

namespace Reassess.Core.Delivery;

/// <summary>How many of a team's workloads have one verdict, in the order the report lists verdicts.</summary>
public sealed record VerdictCount(Verdict Verdict, int Count)
{
    /// <summary>Every verdict of <paramref name="totals"/>, fine-tune first, staying last (zeros kept, so a reader sees all four).</summary>
    public static IReadOnlyList<VerdictCount> Of(ReportTotals totals) =>
        [.. ReportTotals.VerdictOrder.Select(v => new VerdictCount(v, totals.CountOf(v)))];
}

/// <summary>A verdict that changed this week, with the drivers the engine recorded (most moved first).</summary>
/// <param name="Transition">The report's wording: <c>StayOnFrontier → FineTune</c>.</param>
/// <param name="Fragile">The report's fragile marker (<c>fragile flip (margin 4.6%)</c>), null when robust.</param>
public sealed record FlipItem(
    string WorkloadId, string WorkloadName, Verdict Previous, Verdict Current, string Transition,
    IReadOnlyList<string> Drivers, string? Fragile)
{
    internal static FlipItem Of(Assessment a) => new(
        a.WorkloadId, ReportText.WorkloadLabel(a), a.Flip!.PreviousVerdict, a.Verdict, ReportText.FlipTransition(a, a.Flip),
        [.. (a.Flip.Drivers ?? []).Where(d => !string.IsNullOrWhiteSpace(d))], ReportText.Fragile(a, "fragile flip"));

    /// <summary>The first driver, which the engine lists first because it moved most.</summary>
    public string MainDriver => Drivers.Count > 0 ? Drivers[0] : "no driver recorded";
}

/// <summary>
/// A FineTune or Route verdict the team can act on now, with the chosen option's figures: the horizon net (12 months
/// unless the workload sets another) and the first month's net savings, as the report's totals count them.
/// </summary>
/// <param name="Action">What to do: <c>Fine-tune to self/llama-7b</c>, <c>Switch all calls to openai/gpt-4.1-mini</c>.</param>
public sealed record ActionItem(
    string WorkloadId, string WorkloadName, Verdict Verdict, string Action, decimal HorizonNet, int HorizonMonths,
    decimal MonthlyNetSavings, decimal? PaybackMonths, string? Fragile)
{
    /// <summary>Null for verdicts with nothing to act on yet (PrepareFineTune, StayOnFrontier) or a route without figures.</summary>
    internal static ActionItem? Of(Assessment a)
    {
        var option = ChosenOption.Of(a);
        string action;
        if (a.Verdict == Verdict.FineTune) action = option is null ? "Fine-tune" : $"Fine-tune to {option.Model}";
        else if (a.Verdict == Verdict.Route && option is not null) action = ReportText.RouteAction(option);
        else return null;
        var payback = a.Verdict == Verdict.Route ? option!.PaybackMonths : a.Economics.PaybackMonths;
        return new ActionItem(
            a.WorkloadId, ReportText.WorkloadLabel(a), a.Verdict, action, ChosenOption.HorizonNet(a), a.Economics.HorizonMonths,
            ChosenOption.MonthlyNetSavings(a), payback, ReportText.Fragile(a));
    }
}

/// <summary>A verdict a move of under 10% in volume or the frontier price would change, so the team watches it.</summary>
/// <param name="Margin">The report's wording: <c>fragile (margin 4.6%)</c>.</param>
public sealed record FragileItem(string WorkloadId, string WorkloadName, Verdict Verdict, string Margin);

/// <summary>Thresholds of one workload that could not be judged, and the evidence that would settle them.</summary>
public sealed record EvidenceGapItem(string WorkloadId, string WorkloadName, IReadOnlyList<string> Gaps);
