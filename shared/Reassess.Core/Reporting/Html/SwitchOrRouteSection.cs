using Reassess.Core.Decisions;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>"Switch or route": the Route verdicts, by what the route returns over the horizon.</summary>
internal static class SwitchOrRouteSection
{
    public static void Write(HtmlWriter html, ReportModel model)
    {
        var routes = PortfolioRanking.Routes(model).ToList();
        html.Line("<section id=\"routes\">");
        html.Line("<h2>Switch or route</h2>");
        if (routes.Count == 0)
        {
            html.Line("<p class=\"none\">No workload has a Route verdict this week.</p>");
            html.Line("</section>");
            return;
        }

        html.Line("<p>A cheaper model the team has evaluated already meets these workloads&#39; targets and returns more over the " +
                  "horizon than a fine-tune: switch all calls to it, or send it the share shown and keep the rest on today&#39;s model. " +
                  "Ranked by horizon net (after the router and the migration); the cost per accepted outcome counts the retries of " +
                  "outputs that break the format.</p>");
        var shown = routes.Take(PortfolioTable.MaxRows).ToList();
        html.OpenTable("routes", "#", "Workload", "Team", "Route to", "Share", "Saving / month", "Horizon net", "Payback", "Cost per accepted outcome");
        for (var i = 0; i < shown.Count; i++) Row(html, i + 1, shown[i].Entry, shown[i].Route);
        html.CloseTable();
        PortfolioTable.More(html, routes.Count - shown.Count);
        html.Line("</section>");
    }

    private static void Row(HtmlWriter html, int rank, ReportEntry entry, OptionSummary route)
    {
        var a = entry.Assessment;
        html.Line($"<tr><td class=\"num\">{rank}</td>{PortfolioTable.WorkloadCell(entry, FragileMarker.Of(a))}" +
                  $"<td>{E(ReportText.TeamLabel(a.Team))}</td><td>{E(route.Model)}</td><td>{E(ReportText.ShareOf(route))}</td>" +
                  $"<td class=\"num\">{E(FigureText.MoneyOrDash(route.MonthlyNetSavings))}</td>" +
                  $"<td class=\"num\">{E(FigureText.MoneyOrDash(route.HorizonNet))} <span class=\"muted\">/ {a.Economics.HorizonMonths} mo</span></td>" +
                  $"<td class=\"num\">{E(FigureText.PaybackOrNone(route.PaybackMonths))}</td>" +
                  $"<td class=\"num\">{E(FigureText.PerCallOrDash(route.CostPerAcceptedOutcome))} " +
                  $"<span class=\"muted\">vs {E(ReportFormat.MoneyPerCall(a.Economics.BaselineCostPerAcceptedOutcome))} now</span></td></tr>");
    }
}
