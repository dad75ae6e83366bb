using Reassess.Core.Decisions;
using Reassess.Core.Reporting.Charts;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// A workload's card: its verdict (marked when fragile) and next step, the four thresholds, the fine-tune's economics,
/// the sensitivity with its charts, every option side by side, the gaps, and what the verdict rests on (the usage
/// window, the prices, every default it assumed), so a reader can audit it.
/// </summary>
internal static class WorkloadCard
{
    public static void Write(HtmlWriter html, ReportModel model, ReportEntry entry)
    {
        var a = entry.Assessment;
        html.Line($"<article class=\"card {VerdictMarkup.CssClass(a.Verdict)}\" id=\"{E(entry.Anchor)}\">");
        Heading(html, a);
        SpendTrend(html, model, entry);
        Flip(html, a);
        ThresholdsTable.Write(html, a);
        EconomicsTable.Write(html, a);
        Sensitivity(html, a);
        WhatIfCharts.Write(html, entry);
        OptionsTable.Write(html, a);
        Gaps(html, a);
        CardInputs.Write(html, a);
        html.Line("</article>");
    }

    private static void Heading(HtmlWriter html, Assessment a)
    {
        html.Line($"<h3>{E(ReportText.WorkloadLabel(a))} {VerdictMarkup.Badge(a.Verdict)}{FragileMarker.Of(a)}</h3>");
        var meta = new List<string> { $"id {a.WorkloadId}" };
        if (!string.IsNullOrWhiteSpace(a.CostCenter)) meta.Add($"cost centre {a.CostCenter}");
        if (ReportText.BaselinePrice(a) is { } baseline) meta.Add($"baseline {baseline.Key}");
        meta.Add($"assessed {ReportFormat.Instant(a.AssessedAt)}");
        html.Line($"<p class=\"meta\">{string.Join(" &middot; ", meta.Select(E))}</p>");
        html.Line($"<p class=\"advice\">{E(ReportText.VerdictAdvice(a.Verdict))}</p>");
        html.Line($"<p class=\"next-step\">Next step: {E(NextStep.Of(a))}</p>");
    }

    /// <summary>The workload's spend sparkline with its first and last figures, so the card shows where spend is heading.</summary>
    private static void SpendTrend(HtmlWriter html, ReportModel model, ReportEntry entry)
    {
        var trends = model.Trends;
        var a = entry.Assessment;
        var series = trends.Workload(a.WorkloadId);
        var spark = new Sparkline
        {
            Text = new ChartText(entry.Anchor + "-spend", $"Monthly spend of {ReportText.WorkloadLabel(a)}, last {series.Count} weeks", SpendSeries.Words(trends, series)),
            Values = SpendSeries.Doubles(series),
        };
        html.Line($"<div class=\"trend\"><span class=\"muted\">Monthly spend, last {series.Count} weeks</span>{spark.Render()}" +
                  $"<span>{E(SpendSeries.Summary(trends, series))}</span></div>");
    }

    private static void Flip(HtmlWriter html, Assessment a)
    {
        if (a.Flip is not { } flip) return;
        html.Line($"<p class=\"flip\">Changed from {VerdictMarkup.Badge(flip.PreviousVerdict)} (assessed {E(ReportFormat.Date(flip.PreviousAssessedAt))}): " +
                  $"{E(string.Join("; ", (flip.Drivers ?? []).Select(d => d.TrimEnd('.'))))}</p>");
    }

    /// <summary>What would change the verdict: a fragile one says so with its marker, a robust one gives its margin.</summary>
    private static void Sensitivity(HtmlWriter html, Assessment a)
    {
        html.Line("<h4>Sensitivity</h4>");
        html.List(ReportText.SensitivityLines(a), "");
        if (ReportText.Fragile(a) is not null)
            html.Line($"<p class=\"fragile-note\">{FragileMarker.Of(a).TrimStart()} A move of under 10% in monthly volume or the frontier price would change this verdict.</p>");
        else if (a.Sensitivity?.Margin is { } margin)
            html.Line($"<p>Margin {E(ReportFormat.Percent(margin))}: monthly volume or the frontier price must move that far to change the volume " +
                      "threshold; a verdict is fragile under 10%.</p>");
    }

    private static void Gaps(HtmlWriter html, Assessment a)
    {
        html.Line("<h4>Readiness gaps</h4>");
        html.List(a.ReadinessGaps, "None: labelled examples, eval suite and validated baseline are in place.");
        if (a.EvidenceGaps is not { Count: > 0 }) return;
        html.Line("<h4>Evidence gaps</h4>");
        html.List(a.EvidenceGaps, "");
    }
}
