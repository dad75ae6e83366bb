using Reassess.Core.Decisions;
using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Reporting;

/// <summary>
/// The report's charts and the sections built around them: the spend trend by team, each team's 12-week spend, and in
/// each card the workload's spend sparkline, its payback-vs-volume curve and its sensitivity tornado (the ranking's bar
/// chart is with the ranking, in HtmlReport.Portfolio.cs). Every chart is inline SVG with a text alternative, and a table or sentence carries the same
/// figures for print and screen readers.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>Width of the full-width charts in SVG units; they scale down with the page.</summary>
    private const double WideChart = 1080;

    /// <summary>Lines of the spend chart; further teams are summed into "other teams".</summary>
    public const int MaxTeamLines = 6;

    /// <summary>The charts' own styles and how the report lays them out.</summary>
    private static string ChartCss => ChartStyles.Css + ChartLayoutCss;

    private static readonly string ChartLayoutCss = """
        figure { margin: .5rem 0 1rem; }
        figcaption { font-size: .85rem; color: var(--muted); margin-top: .25rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
        .charts figure { margin: 0; min-width: 0; }
        .trend { display: flex; align-items: center; gap: .6rem; flex-wrap: wrap; margin: .25rem 0 .5rem; }
        svg.chart.sparkline { display: inline-block; vertical-align: middle; }
        .figures svg.chart.sparkline { margin-top: .2rem; }
        .spend td.num { white-space: nowrap; }
        table.spend { width: auto; min-width: 60%; }
        .ranking td.num .muted { white-space: nowrap; }
        @media print {
          .ranking, .spend { font-size: 8.5pt; }
          .ranking th, .ranking td { padding: .2rem .3rem; }
          .charts { grid-template-columns: 1fr; }
        }
        .card, .team, section { min-width: 0; }

        """.ReplaceLineEndings("\n");

    /// <summary>The headline's spend figure: this week's run rate and its 12-week sparkline.</summary>
    private static string TotalSpendFigure(ReportModel model)
    {
        var trends = model.Trends;
        var text = new ChartText("spend-total", "Total monthly LLM spend, last 12 weeks", SeriesWords(trends, trends.Total));
        return Html.E(ReportFormat.Money(model.Totals.BaselineMonthlyCost) + " / month") + "<br>" +
               new Sparkline { Text = text, Values = Doubles(trends.Total), Width = 180, Height = 32 }.Render();
    }

    /// <summary>"Spend trend": one line per team over the last 12 weeks, and the same figures as a table.</summary>
    private static void SpendTrend(Html html, ReportModel model)
    {
        var trends = model.Trends;
        var labels = trends.Labels;
        html.Line("<section id=\"spend\">");
        html.Line("<h2>Spend trend</h2>");
        html.Line($"<p>Monthly LLM spend (the run rate of each workload's baseline model) per team over the last {trends.Weeks.Count} weeks, " +
                  $"{Html.E(trends.Weeks[0].ToString())} to {Html.E(trends.Weeks[^1].ToString())}. Weekly charge-period costs are in finance.csv.</p>");

        var teams = model.Teams.Select(t => (Name: ReportText.TeamLabel(t.Team), Series: trends.Team(t.Team)))
            .OrderByDescending(t => t.Series.LastOrDefault(v => v is not null) ?? 0m)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var lines = teams.Count <= MaxTeamLines
            ? teams
            : [.. teams.Take(MaxTeamLines - 1), ("other teams", SumSeries(teams.Skip(MaxTeamLines - 1).Select(t => t.Series), labels.Count))];

        var chart = new LineChart
        {
            Text = new ChartText("spend-by-team", $"Monthly LLM spend by team, {labels[0]} to {labels[^1]}",
                lines.Count == 0 ? "No workload was assessed in these weeks." : string.Join(" ", lines.Select(l => $"{l.Name}: {SeriesWords(trends, l.Series)}"))),
            Series = lines.Select((l, i) => new LineSeries(l.Name, Points(l.Series)) { CssClass = $"series-{i % 6 + 1}" }).ToList(),
            XLabels = labels,
            YFormat = AxisFormat.Money,
            YTitle = "$ / month",
            Width = WideChart,
            Height = 280,
        };
        ChartFigure(html, chart.Render(), "Monthly spend run rate by team; a gap means no assessment that week.");

        // From the first week on record in the range, so a young history still shows a change.
        var start = Math.Max(0, trends.Total.ToList().FindIndex(v => v is not null));
        html.Line("<table class=\"spend\">");
        html.Line($"<thead><tr><th scope=\"col\">Team</th><th scope=\"col\">{Html.E(labels[start])}</th><th scope=\"col\">{Html.E(labels[^1])}</th>" +
                  "<th scope=\"col\">Change</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var (name, series) in teams.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            html.Line($"<tr><th scope=\"row\">{Html.E(name)}</th><td class=\"num\">{Html.E(MoneyOrDash(series[start]))}</td>" +
                      $"<td class=\"num\">{Html.E(MoneyOrDash(series[^1]))}</td><td class=\"num\">{Html.E(Change(series[start], series[^1]))}</td></tr>");
        }

        html.Line("</tbody>");
        html.Line("<tfoot>");
        html.Line($"<tr><th scope=\"row\">All teams</th><td class=\"num\">{Html.E(MoneyOrDash(trends.Total[start]))}</td>" +
                  $"<td class=\"num\">{Html.E(MoneyOrDash(trends.Total[^1]))}</td>" +
                  $"<td class=\"num\">{Html.E(Change(trends.Total[start], trends.Total[^1]))}</td></tr>");
        html.Line("</tfoot>");
        html.Line("</table>");
        html.Line("</section>");
    }

    /// <summary>A team's 12-week spend, under its totals line.</summary>
    private static void TeamTrend(Html html, ReportModel model, TeamGroup team)
    {
        var trends = model.Trends;
        var index = model.Teams.ToList().IndexOf(team) + 1;
        var name = ReportText.TeamLabel(team.Team);
        var series = trends.Team(team.Team);
        var labels = trends.Labels;
        var chart = new LineChart
        {
            Text = new ChartText($"team-{index}-spend", $"Team {name}: monthly LLM spend, {labels[0]} to {labels[^1]}", SeriesWords(trends, series)),
            Series = [new LineSeries(name, Points(series))],
            XLabels = labels,
            YFormat = AxisFormat.Money,
            YTitle = "$ / month",
            Width = WideChart,
            Height = 200,
        };
        ChartFigure(html, chart.Render(), $"Team {name}: monthly spend run rate, last {labels.Count} weeks.");
    }

    /// <summary>The workload's spend sparkline and its first and last figures, under the card's title.</summary>
    private static void CardTrend(Html html, ReportModel model, ReportEntry entry)
    {
        var trends = model.Trends;
        var a = entry.Assessment;
        var series = trends.Workload(a.WorkloadId);
        var spark = new Sparkline
        {
            Text = new ChartText(entry.Anchor + "-spend", $"Monthly spend of {ReportText.WorkloadLabel(a)}, last {series.Count} weeks", SeriesWords(trends, series)),
            Values = Doubles(series),
        };
        html.Line($"<div class=\"trend\"><span class=\"muted\">Monthly spend, last {series.Count} weeks</span>{spark.Render()}" +
                  $"<span>{Html.E(SeriesSummary(trends, series))}</span></div>");
    }

    /// <summary>The card's two what-if charts: payback by volume, and what moves the horizon net.</summary>
    private static void CardCharts(Html html, ReportEntry entry)
    {
        var a = entry.Assessment;
        if (a.Scenarios is not { } s)
        {
            html.Line("<p class=\"none\">No scenario figures were recorded with this assessment (it predates them); the next reassessment adds them.</p>");
            return;
        }

        html.Line("<div class=\"charts\">");
        ChartFigure(html, PaybackChart(entry, s).Render(),
            $"Payback by monthly volume; dashed: the {MonthsText(s.MaxPaybackMonths)}-month limit of the volume threshold; dot: now.");
        ChartFigure(html, TornadoChartOf(entry, s).Render(),
            $"Horizon net over {a.Economics.HorizonMonths} months with one driver {ReportFormat.Number(s.SwingPct, 0)}% lower or higher, widest swing on top.");
        html.Line("</div>");
    }

    internal static LineChart PaybackChart(ReportEntry entry, Scenarios s)
    {
        var a = entry.Assessment;
        var e = a.Economics;
        var limit = (double)s.MaxPaybackMonths;
        var cap = Math.Min(ReportFormat.PaybackLimitMonths, Math.Max(limit * 2, (double)(e.PaybackMonths ?? 0) * 1.3));
        var points = s.PaybackByVolume.Select(p => new ChartPoint((double)p.MonthlyCalls, (double?)p.PaybackMonths)).ToList();
        // Without a payback the current point sits on the top edge, saying so.
        var now = e.PaybackMonths is { } payback
            ? new ChartMarker((double)e.MonthlyCalls, (double)payback, $"now {ReportFormat.Calls(e.MonthlyCalls)}: {ReportFormat.Months(payback)} mo")
            : new ChartMarker((double)e.MonthlyCalls, double.PositiveInfinity, $"now {ReportFormat.Calls(e.MonthlyCalls)}: no payback");

        var words = new List<string>();
        var known = s.PaybackByVolume.Where(p => p.PaybackMonths is not null).ToList();
        if (known.Count > 0)
            words.Add($"Payback goes from {ReportFormat.Payback(known[0].PaybackMonths)} at {ReportFormat.Calls(known[0].MonthlyCalls)} calls/month " +
                      $"to {ReportFormat.Payback(known[^1].PaybackMonths)} at {ReportFormat.Calls(known[^1].MonthlyCalls)} calls/month.");
        else
            words.Add($"No payback within {ReportFormat.PaybackLimitMonths} months at any volume shown (up to {ReportFormat.Calls(s.PaybackByVolume.LastOrDefault()?.MonthlyCalls ?? 0)} calls/month).");
        if (a.Sensitivity?.FlipMonthlyCalls is { } flip)
            words.Add($"The {MonthsText(s.MaxPaybackMonths)}-month limit is reached at {ReportFormat.Calls(flip)} calls/month.");
        words.Add($"Now {ReportFormat.Calls(e.MonthlyCalls)} calls/month, payback {ReportFormat.Payback(e.PaybackMonths)}.");

        return new LineChart
        {
            Text = new ChartText(entry.Anchor + "-payback", $"Payback by monthly volume: {ReportText.WorkloadLabel(a)}", string.Join(" ", words)),
            Series = [new LineSeries("payback", points)],
            XFormat = AxisFormat.Count,
            YFormat = AxisFormat.Plain,
            XTitle = "calls / month",
            YTitle = "payback, months",
            YMax = cap,
            Reference = new ReferenceLine(limit, $"limit {MonthsText(s.MaxPaybackMonths)} months"),
            Marker = now,
            EmptyText = $"No payback within {ReportFormat.PaybackLimitMonths} months at these volumes",
            Width = 460,
            Height = 230,
        };
    }

    internal static TornadoChart TornadoChartOf(ReportEntry entry, Scenarios s)
    {
        var a = entry.Assessment;
        var pct = ReportFormat.Number(s.SwingPct, 0);
        var swings = s.HorizonNetSwings ?? [];
        var words = $"Horizon net over {a.Economics.HorizonMonths} months is {ReportFormat.Money(a.Economics.HorizonNet)} now. " +
                    (swings.Count == 0
                        ? "No driver changes it."
                        : string.Join(" ", swings.Select(w =>
                            $"{w.Driver} {ReportFormat.Minus}{pct}%: {ReportFormat.Money(w.WhenLower)}; +{pct}%: {ReportFormat.Money(w.WhenHigher)}.")));
        return new TornadoChart
        {
            Text = new ChartText(entry.Anchor + "-tornado", $"What moves the horizon net: {ReportText.WorkloadLabel(a)}", words),
            Base = (double)a.Economics.HorizonNet,
            BaseLabel = "now",
            Bars = swings.Select(w => new TornadoBar(w.Driver, (double)w.WhenLower, (double)w.WhenHigher)).ToList(),
            LowerLegend = $"driver {ReportFormat.Minus}{pct}%",
            HigherLegend = $"driver +{pct}%",
            Format = AxisFormat.Money,
            Width = 460,
        };
    }

    private static void ChartFigure(Html html, string svg, string caption) =>
        html.Line($"<figure>{svg}<figcaption>{Html.E(caption)}</figcaption></figure>");

    private static IReadOnlyList<ChartPoint> Points(IReadOnlyList<decimal?> series) =>
        series.Select((v, i) => new ChartPoint(i, (double?)v)).ToList();

    private static IReadOnlyList<double?> Doubles(IReadOnlyList<decimal?> series) => series.Select(v => (double?)v).ToList();

    private static IReadOnlyList<decimal?> SumSeries(IEnumerable<IReadOnlyList<decimal?>> many, int length)
    {
        var sum = new decimal?[length];
        foreach (var series in many)
            for (var i = 0; i < length && i < series.Count; i++)
                if (series[i] is { } v) sum[i] = (sum[i] ?? 0m) + v;
        return sum;
    }

    /// <summary>The series in words for a screen reader: every week's figure.</summary>
    private static string SeriesWords(ReportTrends trends, IReadOnlyList<decimal?> series)
    {
        if (ReportTrends.Known(series) == 0) return "No spend recorded in these weeks.";
        var labels = trends.Labels;
        return string.Join(", ", series.Select((v, i) => $"{labels[i]} {(v is { } m ? ReportFormat.Money(m) : "no data")}")) + ".";
    }

    /// <summary><c>$3,100.00 (W37) → $3,249.26 (W48), +4.8%</c>.</summary>
    private static string SeriesSummary(ReportTrends trends, IReadOnlyList<decimal?> series)
    {
        var labels = trends.Labels;
        var known = series.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
        if (known.Count == 0) return "no history yet";
        if (known.Count == 1) return $"{ReportFormat.Money(known[0].v!.Value)} ({labels[known[0].i]}); no earlier week on record";
        var (first, last) = (known[0], known[^1]);
        return $"{ReportFormat.Money(first.v!.Value)} ({labels[first.i]}) \u2192 {ReportFormat.Money(last.v!.Value)} ({labels[last.i]}), {Change(first.v, last.v)}";
    }

    /// <summary><c>12</c>, <c>7.5</c>: whole months without a decimal.</summary>
    private static string MonthsText(decimal months) => months == decimal.Round(months) ? ReportFormat.Number(months, 0) : ReportFormat.Months(months);

    private static string MoneyOrDash(decimal? value) => value is { } v ? ReportFormat.Money(v) : "\u2014";

    private static string Change(decimal? first, decimal? last) =>
        first is { } f && last is { } l && f != 0 ? ReportFormat.PercentChange((l - f) / f * 100m) : "\u2014";
}
