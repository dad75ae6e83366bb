using Reassess.Core.Decisions;
using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// The card's two what-if charts, side by side: payback by monthly volume, and what moves the horizon net. Each
/// carries its figures in words for screen readers, and the caption says how to read it.
/// </summary>
internal static class WhatIfCharts
{
    public static void Write(HtmlWriter html, ReportEntry entry)
    {
        var a = entry.Assessment;
        if (a.Scenarios is not { } s)
        {
            html.Line("<p class=\"none\">No scenario figures were recorded with this assessment (it predates them); the next reassessment adds them.</p>");
            return;
        }

        html.Line("<div class=\"charts\">");
        html.ChartFigure(Payback(entry, s).Render(),
            $"Payback by monthly volume; dashed: the {FigureText.Months(s.MaxPaybackMonths)}-month limit of the volume threshold; dot: now.");
        html.ChartFigure(Tornado(entry, s).Render(),
            $"Horizon net over {a.Economics.HorizonMonths} months with one driver {ReportFormat.Number(s.SwingPct, 0)}% lower or higher, widest swing on top.");
        html.Line("</div>");
    }

    private static LineChart Payback(ReportEntry entry, Scenarios s)
    {
        var a = entry.Assessment;
        var e = a.Economics;
        var limit = (double)s.MaxPaybackMonths;
        // Twice the limit shows the curve crossing it; the current payback, when longer, stays in view too.
        var cap = Math.Min(ReportFormat.PaybackLimitMonths, Math.Max(limit * 2, (double)(e.PaybackMonths ?? 0) * 1.3));
        var points = s.PaybackByVolume.Select(p => new ChartPoint((double)p.MonthlyCalls, (double?)p.PaybackMonths)).ToList();
        // Without a payback the current point sits on the top edge, saying so.
        var now = e.PaybackMonths is { } payback
            ? new ChartMarker((double)e.MonthlyCalls, (double)payback, $"now {ReportFormat.Calls(e.MonthlyCalls)}: {ReportFormat.Months(payback)} mo")
            : new ChartMarker((double)e.MonthlyCalls, double.PositiveInfinity, $"now {ReportFormat.Calls(e.MonthlyCalls)}: no payback");
        return new LineChart
        {
            Text = new ChartText(entry.Anchor + "-payback", $"Payback by monthly volume: {ReportText.WorkloadLabel(a)}", PaybackWords(a, s)),
            Series = [new LineSeries("payback", points)],
            XFormat = AxisFormat.Count,
            YFormat = AxisFormat.Plain,
            XTitle = "calls / month",
            YTitle = "payback, months",
            YMax = cap,
            Reference = new ReferenceLine(limit, $"limit {FigureText.Months(s.MaxPaybackMonths)} months"),
            Marker = now,
            EmptyText = $"No payback within {ReportFormat.PaybackLimitMonths} months at these volumes",
            Width = ChartSizes.Half,
            Height = 230,
        };
    }

    private static string PaybackWords(Assessment a, Scenarios s)
    {
        var e = a.Economics;
        var words = new List<string>();
        var known = s.PaybackByVolume.Where(p => p.PaybackMonths is not null).ToList();
        if (known.Count > 0)
            words.Add($"Payback goes from {ReportFormat.Payback(known[0].PaybackMonths)} at {ReportFormat.Calls(known[0].MonthlyCalls)} calls/month " +
                      $"to {ReportFormat.Payback(known[^1].PaybackMonths)} at {ReportFormat.Calls(known[^1].MonthlyCalls)} calls/month.");
        else
            words.Add($"No payback within {ReportFormat.PaybackLimitMonths} months at any volume shown (up to {ReportFormat.Calls(s.PaybackByVolume.LastOrDefault()?.MonthlyCalls ?? 0)} calls/month).");
        if (a.Sensitivity?.FlipMonthlyCalls is { } flip)
            words.Add($"The {FigureText.Months(s.MaxPaybackMonths)}-month limit is reached at {ReportFormat.Calls(flip)} calls/month.");
        words.Add($"Now {ReportFormat.Calls(e.MonthlyCalls)} calls/month, payback {ReportFormat.Payback(e.PaybackMonths)}.");
        return string.Join(" ", words);
    }

    private static TornadoChart Tornado(ReportEntry entry, Scenarios s)
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
            Width = ChartSizes.Half,
        };
    }
}
