using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// "Did it pay?": for each decision a team recorded, the one-line verdict, forecast against realised monthly figures,
/// savings to date and payback, where the difference came from (volume, tokens per call, prices, fixed costs) and what
/// the evidence does not yet show. Written only when some workload has a decision.
/// </summary>
internal static class DidItPaySection
{
    public static void Write(HtmlWriter html, ReportModel model)
    {
        var outcomes = model.Report.Outcomes;
        if (outcomes.Count == 0) return;
        html.Line("<section id=\"did-it-pay\">");
        html.Line("<h2>Did it pay?</h2>");
        html.Line("<p>Each decision a team recorded, held to the assessment in force on its date: what was forecast, what the " +
                  "usage since then shows at each day&#39;s prices, and where the difference came from.</p>");
        foreach (var o in DidItPayEntry.InReportOrder(outcomes))
            Decision(html, o);
        html.Line("</section>");
    }

    private static void Decision(HtmlWriter html, DidItPayEntry o)
    {
        html.Line($"<h3>{E(o.WorkloadName)} <span class=\"muted\">({E(ReportText.TeamLabel(o.Team))}): {E(o.ActionText)} on {E(ReportFormat.Date(o.Decision.Date))}</span></h3>");
        html.Line($"<p class=\"verdict-line\"><strong>{E(o.Outcome.Verdict)}</strong></p>");
        if (o.Outcome.Outcome is not { } outcome)
        {
            html.List(o.Outcome.EvidenceGaps, "");
            return;
        }

        html.OpenTable("outcome", "", "Forecast", "Realised");
        html.Line(Row("Monthly calls", ReportFormat.Calls(outcome.Forecast.MonthlyCalls), outcome.MonthlyCalls is { } c ? ReportFormat.Calls(c) : null));
        html.Line(Row("Monthly net savings", ReportFormat.Money(outcome.ForecastMonthlyNetSavings), Money(outcome.MonthlyNetSavings)));
        html.Line(Row("Payback", ReportFormat.Payback(outcome.ForecastPaybackMonths), outcome.PaybackMonth is { } m ? $"month {m}" : null));
        html.CloseTable();
        html.Line($"<p>Savings to date {E(Money(outcome.SavingsToDate) ?? "not known yet")}, after a build cost of " +
                  $"{E(Money(outcome.BuildCost) ?? "unknown")} ({E(outcome.BuildCostSource)}).</p>");
        if (outcome.Variance is { } v)
        {
            html.OpenTable("variance", "Where the difference in monthly savings came from", "Amount");
            foreach (var (name, amount) in v.Parts()) html.Line($"<tr><th scope=\"row\">{E(name)}</th><td class=\"num\">{E(ReportFormat.Money(amount))}</td></tr>");
            html.CloseTable($"<tr><th scope=\"row\">Total</th><td class=\"num\">{E(ReportFormat.Money(v.Total))}</td></tr>");
        }

        if (outcome.EvidenceGaps.Count > 0 || outcome.Assumptions.Count > 0)
            html.List([.. outcome.EvidenceGaps, .. outcome.Assumptions], "");
    }

    private static string Row(string label, string forecast, string? realised) =>
        $"<tr><th scope=\"row\">{E(label)}</th><td class=\"num\">{E(forecast)}</td><td class=\"num\">{E(realised ?? "not known yet")}</td></tr>";

    private static string? Money(decimal? amount) => amount is { } a ? ReportFormat.Money(a) : null;
}
