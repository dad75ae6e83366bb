using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>"Totals": a row per team and the sum over all teams, with a column per verdict.</summary>
internal static class TotalsSection
{
    public static void Write(HtmlWriter html, ReportModel model)
    {
        html.Line("<section id=\"totals\">");
        html.Line("<h2>Totals</h2>");
        html.OpenTable("totals",
        [
            "Team", "Workloads", .. ReportTotals.VerdictOrder.Select(VerdictMarkup.BreakableName),
            "Baseline monthly cost", "Savings to act on / month", "Projected savings, horizon net",
        ]);
        foreach (var team in model.Teams) html.Line(Row(ReportText.TeamLabel(team.Team), team.Totals));
        html.CloseTable(Row("All teams", model.Totals));
        html.Line("</section>");
    }

    private static string Row(string label, ReportTotals t) =>
        $"<tr><th scope=\"row\">{E(label)}</th>" +
        $"<td class=\"num\">{E(ReportFormat.Count(t.Workloads))}</td>" +
        string.Concat(ReportTotals.VerdictOrder.Select(v => $"<td class=\"num\">{E(ReportFormat.Count(t.CountOf(v)))}</td>")) +
        $"<td class=\"num\">{E(ReportFormat.Money(t.BaselineMonthlyCost))}</td>" +
        $"<td class=\"num\">{E(ReportFormat.Money(t.ProjectedMonthlySavings))}</td>" +
        $"<td class=\"num\">{E(ReportFormat.Money(t.ChosenHorizonNet))}</td></tr>";
}
