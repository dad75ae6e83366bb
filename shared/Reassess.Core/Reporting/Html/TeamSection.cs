using Reassess.Core.Reporting.Charts;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>A team's section (a page of its own in print): its totals, its 12-week spend, then a card per workload.</summary>
internal static class TeamSection
{
    public static void Write(HtmlWriter html, ReportModel model, TeamGroup team)
    {
        var t = team.Totals;
        html.Line("<section class=\"team\">");
        html.Line($"<h2>Team: {E(ReportText.TeamLabel(team.Team))}</h2>");
        html.Line($"<p class=\"team-totals\">{E(ReportText.WorkloadCount(t.Workloads))} &middot; " +
                  $"baseline {E(ReportFormat.Money(t.BaselineMonthlyCost))} / month &middot; " +
                  $"projected savings {E(ReportFormat.Money(t.ChosenHorizonNet))} net over the horizon, " +
                  $"{E(ReportFormat.Money(t.ChosenMonthlyNetSavings))} / month &middot; " +
                  $"to act on {E(ReportFormat.Money(t.ProjectedMonthlySavings))} / month &middot; " +
                  $"{VerdictMarkup.Counts(t)}</p>");
        SpendChart(html, model, team);
        foreach (var entry in team.Entries) WorkloadCard.Write(html, model, entry);
        html.Line("</section>");
    }

    private static void SpendChart(HtmlWriter html, ReportModel model, TeamGroup team)
    {
        var trends = model.Trends;
        // Team names may repeat once labelled (blank and missing both read "(no team)"), so the chart's id uses the position.
        var index = model.Teams.ToList().IndexOf(team) + 1;
        var name = ReportText.TeamLabel(team.Team);
        var series = trends.Team(team.Team);
        var labels = trends.Labels;
        var chart = new LineChart
        {
            Text = new ChartText($"team-{index}-spend", $"Team {name}: monthly LLM spend, {labels[0]} to {labels[^1]}", SpendSeries.Words(trends, series)),
            Series = [new LineSeries(name, SpendSeries.Points(series))],
            XLabels = labels,
            YFormat = AxisFormat.Money,
            YTitle = "$ / month",
            Width = ChartSizes.Wide,
            Height = 200,
        };
        html.ChartFigure(chart.Render(), $"Team {name}: monthly spend run rate, last {labels.Count} weeks.");
    }
}
