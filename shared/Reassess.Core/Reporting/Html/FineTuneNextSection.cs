using Reassess.Core.Reporting.Charts;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>"Fine-tune next": every workload ranked by what a fine-tune returns, with its next step and the horizon net as bars.</summary>
internal static class FineTuneNextSection
{
    public static void Write(HtmlWriter html, ReportModel model)
    {
        var ranked = PortfolioRanking.FineTuneNext(model).ToList();
        html.Line("<section id=\"portfolio\">");
        html.Line("<h2>Fine-tune next</h2>");
        if (ranked.Count == 0)
        {
            html.Line("<p class=\"none\">No workload was assessed this week.</p>");
            html.Line("</section>");
            return;
        }

        html.Line("<p>Workloads ranked by what a fine-tune would return: <code>FineTune</code> verdicts first, then " +
                  "<code>PrepareFineTune</code>, then <code>Route</code> (a cheaper model returns more than the fine-tune; see " +
                  "<a href=\"#routes\">Switch or route</a>), then <code>StayOnFrontier</code>; within each, by the fine-tune&#39;s " +
                  "horizon net, then by payback. <span class=\"fragile\">fragile</span> marks a verdict that a move of under 10% in " +
                  "volume or frontier price would change, with its margin.</p>");
        var shown = ranked.Take(PortfolioTable.MaxRows).ToList();
        Table(html, shown);
        PortfolioTable.More(html, ranked.Count - shown.Count);
        Chart(html, shown);
        html.Line("</section>");
    }

    private static void Table(HtmlWriter html, IReadOnlyList<ReportEntry> shown)
    {
        html.OpenTable("ranking", "#", "Workload", "Team", "Verdict", "Horizon net", "Payback", "Net savings / month", "Next step");
        for (var i = 0; i < shown.Count; i++)
        {
            var entry = shown[i];
            var a = entry.Assessment;
            var e = a.Economics;
            html.Line($"<tr><td class=\"num\">{i + 1}</td>{PortfolioTable.WorkloadCell(entry)}" +
                      $"<td>{E(ReportText.TeamLabel(a.Team))}</td><td>{VerdictMarkup.Badge(a.Verdict)}{FragileMarker.Of(a)}</td>" +
                      $"<td class=\"num\">{E(ReportFormat.Money(e.HorizonNet))} <span class=\"muted\">/ {e.HorizonMonths} mo</span></td>" +
                      $"<td class=\"num\">{E(FigureText.PaybackOrNone(e.PaybackMonths))}</td>" +
                      $"<td class=\"num\">{E(ReportFormat.Money(e.MonthlyNetSavings))}</td>" +
                      $"<td>{E(NextStep.Of(a))}</td></tr>");
        }

        html.CloseTable();
    }

    private static void Chart(HtmlWriter html, IReadOnlyList<ReportEntry> shown)
    {
        var bars = shown.Select(entry => new Bar(ReportText.WorkloadLabel(entry.Assessment), (double)entry.Assessment.Economics.HorizonNet)
        {
            CssClass = VerdictMarkup.CssClass(entry.Assessment.Verdict),
        }).ToList();
        var chart = new BarChart
        {
            Text = new ChartText("portfolio-horizon", "Horizon net of a fine-tune, by workload",
                "Horizon net (savings over each workload's horizon less the build cost), in ranking order: " +
                string.Join("; ", shown.Select(entry => $"{ReportText.WorkloadLabel(entry.Assessment)} {ReportFormat.Money(entry.Assessment.Economics.HorizonNet)}")) + "."),
            Bars = bars,
            Format = AxisFormat.Money,
            Width = ChartSizes.Wide,
        };
        html.ChartFigure(chart.Render(),
            "Horizon net of a fine-tune by workload, coloured by verdict (green FineTune, amber PrepareFineTune, purple Route, blue StayOnFrontier); bars left of zero lose money.");
    }
}
