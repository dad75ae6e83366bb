using Reassess.Core.Reporting.Charts;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>"Spend trend": one line per team over the last 12 weeks, and the same figures as a table for print and screen readers.</summary>
internal static class SpendTrendSection
{
    /// <summary>Lines of the chart; beyond this the lines cannot be told apart, so the smallest teams are summed into "other teams".</summary>
    public const int MaxTeamLines = 6;

    public static void Write(HtmlWriter html, ReportModel model)
    {
        var trends = model.Trends;
        html.Line("<section id=\"spend\">");
        html.Line("<h2>Spend trend</h2>");
        html.Line($"<p>Monthly LLM spend (the run rate of each workload's baseline model) per team over the last {trends.Weeks.Count} weeks, " +
                  $"{E(trends.Weeks[0].ToString())} to {E(trends.Weeks[^1].ToString())}. Weekly charge-period costs are in finance.csv.</p>");

        var teams = model.Teams.Select(t => (Name: ReportText.TeamLabel(t.Team), Series: trends.Team(t.Team)))
            .OrderByDescending(t => t.Series.LastOrDefault(v => v is not null) ?? 0m)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        Chart(html, trends, teams);
        Table(html, trends, teams);
        html.Line("</section>");
    }

    /// <summary><paramref name="teams"/> largest spend first, so the lines kept are the teams that matter most.</summary>
    private static void Chart(HtmlWriter html, ReportTrends trends, List<(string Name, IReadOnlyList<decimal?> Series)> teams)
    {
        var labels = trends.Labels;
        var lines = teams.Count <= MaxTeamLines
            ? teams
            : [.. teams.Take(MaxTeamLines - 1), ("other teams", SpendSeries.Sum(teams.Skip(MaxTeamLines - 1).Select(t => t.Series), labels.Count))];
        var chart = new LineChart
        {
            Text = new ChartText("spend-by-team", $"Monthly LLM spend by team, {labels[0]} to {labels[^1]}",
                lines.Count == 0 ? "No workload was assessed in these weeks." : string.Join(" ", lines.Select(l => $"{l.Name}: {SpendSeries.Words(trends, l.Series)}"))),
            Series = lines.Select((l, i) => new LineSeries(l.Name, SpendSeries.Points(l.Series)) { CssClass = $"series-{i % 6 + 1}" }).ToList(),
            XLabels = labels,
            YFormat = AxisFormat.Money,
            YTitle = "$ / month",
            Width = ChartSizes.Wide,
            Height = 280,
        };
        html.ChartFigure(chart.Render(), "Monthly spend run rate by team; a gap means no assessment that week.");
    }

    private static void Table(HtmlWriter html, ReportTrends trends, List<(string Name, IReadOnlyList<decimal?> Series)> teams)
    {
        var labels = trends.Labels;
        // From the first week on record in the range, so a young history still shows a change.
        var start = Math.Max(0, trends.Total.ToList().FindIndex(v => v is not null));
        html.OpenTable("spend", "Team", E(labels[start]), E(labels[^1]), "Change");
        foreach (var (name, series) in teams.OrderBy(t => t.Name, StringComparer.Ordinal))
            html.Line(Row(name, series, start));
        html.CloseTable(Row("All teams", trends.Total, start));
    }

    private static string Row(string name, IReadOnlyList<decimal?> series, int start) =>
        $"<tr><th scope=\"row\">{E(name)}</th><td class=\"num\">{E(FigureText.MoneyOrDash(series[start]))}</td>" +
        $"<td class=\"num\">{E(FigureText.MoneyOrDash(series[^1]))}</td><td class=\"num\">{E(FigureText.Change(series[start], series[^1]))}</td></tr>";
}
