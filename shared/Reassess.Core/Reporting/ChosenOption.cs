using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>
/// The option a verdict picks and what it is projected to return: the fine-tune for <c>FineTune</c> and
/// <c>PrepareFineTune</c>, the best route for <c>Route</c>, nothing for <c>StayOnFrontier</c> (staying nets 0 against
/// itself). Every savings total of the report, finance.csv and the trends is a sum of these per-workload figures, so a
/// reader can trace any total back to the rows it came from.
/// </summary>
public static class ChosenOption
{
    /// <summary>
    /// The option of the assessment's best route: the qualifying route to <see cref="Assessment.BestRoute"/> with the
    /// highest horizon net (a model can be listed twice, as a switch and as a partial route; the engine picked the
    /// better one). Null without a best route or without options (assessments stored before options existed).
    /// </summary>
    public static OptionSummary? BestRoute(Assessment a) =>
        a.BestRoute is not { } model
            ? null
            : (a.Options ?? [])
                .Where(o => o.Kind == OptionKind.Route && o.Qualifies && string.Equals(o.Model, model, StringComparison.Ordinal))
                .OrderByDescending(o => o.HorizonNet ?? decimal.MinValue)
                .FirstOrDefault();

    /// <summary>The listed option the verdict picks (the row the card's options table marks), when it is listed.</summary>
    public static OptionSummary? Of(Assessment a) => a.Verdict switch
    {
        Verdict.FineTune or Verdict.PrepareFineTune => (a.Options ?? []).FirstOrDefault(o => o.Kind == OptionKind.FineTune),
        Verdict.Route => BestRoute(a),
        _ => (a.Options ?? []).FirstOrDefault(o => o.Kind == OptionKind.Stay),
    };

    /// <summary>The chosen option's first-month net savings against staying (the run rate).</summary>
    public static decimal MonthlyNetSavings(Assessment a) => a.Verdict switch
    {
        Verdict.FineTune or Verdict.PrepareFineTune => a.Economics.MonthlyNetSavings,
        Verdict.Route => BestRoute(a)?.MonthlyNetSavings ?? 0m,
        _ => 0m,
    };

    /// <summary>The chosen option's net over the horizon, after its build or migration cost.</summary>
    public static decimal HorizonNet(Assessment a) => a.Verdict switch
    {
        Verdict.FineTune or Verdict.PrepareFineTune => a.Economics.HorizonNet,
        Verdict.Route => BestRoute(a)?.HorizonNet ?? 0m,
        _ => 0m,
    };

    /// <summary>
    /// Monthly savings ready to act on: the chosen option's run rate for <c>FineTune</c> and <c>Route</c> verdicts, 0
    /// otherwise (a <c>PrepareFineTune</c> saves nothing until its readiness gaps are closed). finance.csv's
    /// <c>x_ProjectedMonthlySavings</c>.
    /// </summary>
    public static decimal ProjectedMonthlySavings(Verdict verdict, decimal chosenMonthlyNetSavings) =>
        verdict is Verdict.FineTune or Verdict.Route ? chosenMonthlyNetSavings : 0m;

    public static decimal ProjectedMonthlySavings(Assessment a) => ProjectedMonthlySavings(a.Verdict, MonthlyNetSavings(a));

    /// <summary>
    /// A chosen-option figure of a row stored before routes were verdicts, from its fine-tune figure: then the
    /// fine-tune was the only option a verdict could pick.
    /// </summary>
    public static decimal FromFineTune(Verdict verdict, decimal fineTuneFigure) =>
        verdict is Verdict.FineTune or Verdict.PrepareFineTune ? fineTuneFigure : 0m;
}
