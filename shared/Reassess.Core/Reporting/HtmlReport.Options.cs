using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>
/// The card's options table (staying, every alternative as a switch or partial route, the fine-tune, each on the same
/// footing, with why an option does not qualify) and the fragile marker shown wherever a verdict is.
/// </summary>
public static partial class HtmlReport
{
    private static void OptionsTable(Html html, Assessment a)
    {
        html.Line("<h4>Options</h4>");
        var options = a.Options ?? [];
        if (options.Count == 0)
        {
            html.Line("<p class=\"none\">No options were recorded with this assessment (it predates them); the next reassessment adds them.</p>");
            return;
        }

        var horizon = a.Economics.HorizonMonths;
        var chosen = ChosenOption.Of(a);
        html.Line("<p>Every option on the same footing: cost per call of today&#39;s model in month 1 (retries of outputs that break " +
                  "the format included), cost per accepted outcome, and what it nets against staying. " +
                  $"The verdict&#39;s choice is marked <span class=\"chosen-mark\">chosen</span>.</p>");
        html.Line("<table class=\"options\">");
        html.Line("<thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Model</th><th scope=\"col\">Share</th><th scope=\"col\">Qualifies</th>" +
                  "<th scope=\"col\">Per call</th><th scope=\"col\">Per accepted outcome</th><th scope=\"col\">Monthly net</th>" +
                  $"<th scope=\"col\">{Html.E($"{horizon}-month net")}</th><th scope=\"col\">Payback</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var o in options)
        {
            var mark = ReferenceEquals(o, chosen) ? " <span class=\"chosen-mark\">chosen</span>" : "";
            html.Line($"<tr><th scope=\"row\">{Html.E(KindLabel(o.Kind))}{mark}</th><td>{Html.E(o.Model)}</td><td>{Html.E(ReportText.ShareOf(o))}</td>" +
                      $"<td>{Html.E(Qualification(o))}</td>" +
                      $"<td class=\"num\">{Html.E(PerCallOrDash(o.PerCallCost))}</td><td class=\"num\">{Html.E(PerCallOrDash(o.CostPerAcceptedOutcome))}</td>" +
                      $"<td class=\"num\">{Html.E(MoneyOrDash(o.MonthlyNetSavings))}</td><td class=\"num\">{Html.E(MoneyOrDash(o.HorizonNet))}</td>" +
                      $"<td class=\"num\">{Html.E(OptionPayback(o))}</td></tr>");
        }

        html.Line("</tbody>");
        html.Line("</table>");
    }

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

    /// <summary>Staying has nothing to pay back; an option that cannot be priced has no payback to show.</summary>
    private static string OptionPayback(OptionSummary o) =>
        o.Kind == OptionKind.Stay || o.HorizonNet is null ? "\u2014"
        : o.PaybackMonths is { } p ? ReportFormat.Months(p) + " mo"
        : "none";

    /// <summary>
    /// The visible marker of a fragile verdict (text, not colour alone), after its badge: <c>fragile (margin 4.6%)</c>,
    /// or <c>fragile flip (margin 4.6%)</c> in the list of flips; empty for a robust verdict.
    /// </summary>
    private static string FragileMarker(Assessment a, string what = "fragile") =>
        ReportText.Fragile(a, what) is { } text ? $" <span class=\"fragile\">{Html.E(text)}</span>" : "";

    private static string PerCallOrDash(decimal? value) => value is { } v ? ReportFormat.MoneyPerCall(v) : "\u2014";
}
