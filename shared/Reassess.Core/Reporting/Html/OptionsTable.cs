using Reassess.Core.Decisions;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// The card's options: staying, every alternative as a switch or partial route, and the fine-tune, each on the same
/// footing, with why an option does not qualify and which one the verdict chose.
/// </summary>
internal static class OptionsTable
{
    private const string ChosenMark = "<span class=\"chosen-mark\">chosen</span>";

    public static void Write(HtmlWriter html, Assessment a)
    {
        html.Line("<h4>Options</h4>");
        var options = a.Options ?? [];
        if (options.Count == 0)
        {
            html.Line("<p class=\"none\">No options were recorded with this assessment (it predates them); the next reassessment adds them.</p>");
            return;
        }

        var chosen = ChosenOption.Of(a);
        html.Line("<p>Every option on the same footing: cost per call of today&#39;s model in month 1 (retries of outputs that break " +
                  "the format included), cost per accepted outcome, and what it nets against staying. " +
                  $"The verdict&#39;s choice is marked {ChosenMark}.</p>");
        html.OpenTable("options", "Option", "Model", "Share", "Qualifies", "Per call", "Per accepted outcome", "Monthly net",
            E($"{a.Economics.HorizonMonths}-month net"), "Payback");
        foreach (var o in options) html.Line(Row(o, ReferenceEquals(o, chosen)));
        html.CloseTable();
    }

    private static string Row(OptionSummary o, bool chosen) =>
        $"<tr><th scope=\"row\">{E(KindLabel(o.Kind))}{(chosen ? " " + ChosenMark : "")}</th><td>{E(o.Model)}</td><td>{E(ReportText.ShareOf(o))}</td>" +
        $"<td>{E(Qualification(o))}</td>" +
        $"<td class=\"num\">{E(FigureText.PerCallOrDash(o.PerCallCost))}</td><td class=\"num\">{E(FigureText.PerCallOrDash(o.CostPerAcceptedOutcome))}</td>" +
        $"<td class=\"num\">{E(FigureText.MoneyOrDash(o.MonthlyNetSavings))}</td><td class=\"num\">{E(FigureText.MoneyOrDash(o.HorizonNet))}</td>" +
        $"<td class=\"num\">{E(Payback(o))}</td></tr>";

    private static string KindLabel(OptionKind kind) => kind switch
    {
        OptionKind.Stay => "Stay",
        OptionKind.Route => "Route",
        _ => "Fine-tune",
    };

    /// <summary><c>yes</c>, <c>yes, but: gaps…</c> (a fine-tune that qualifies with readiness gaps), or <c>no: why…</c>.</summary>
    private static string Qualification(OptionSummary o)
    {
        var reasons = string.Join("; ", (o.Reasons ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.TrimEnd('.', ' ')));
        if (o.Qualifies) return reasons.Length == 0 ? "yes" : $"yes, but: {reasons}";
        return reasons.Length == 0 ? "no" : $"no: {reasons}";
    }

    /// <summary>Staying has nothing to pay back, and an option that cannot be priced has no payback to show.</summary>
    private static string Payback(OptionSummary o) =>
        o.Kind == OptionKind.Stay || o.HorizonNet is null ? FigureText.Dash : FigureText.PaybackOrNone(o.PaybackMonths);
}
