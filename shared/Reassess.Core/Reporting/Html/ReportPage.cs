namespace Reassess.Core.Reporting.Html;

/// <summary>
/// <c>index.html</c>: one self-contained HTML5 page (inline CSS, no scripts, no external resources) for the teams that
/// own workloads, put together from the section components in the order a reader needs them: the headline, what
/// changed, what to fine-tune and what to switch or route next, the spend trend, a card per workload grouped by team,
/// and the totals. Every piece of text from data is HTML-encoded.
/// </summary>
internal static class ReportPage
{
    public const string ContentType = "text/html; charset=utf-8";

    public static ReportFile Render(ReportModel model)
    {
        var html = new HtmlWriter();
        PageFrame.Open(html, model.Report);
        HeadlineSection.Write(html, model);
        WhatChangedSection.Write(html, model);
        FineTuneNextSection.Write(html, model);
        SwitchOrRouteSection.Write(html, model);
        SpendTrendSection.Write(html, model);
        DidItPaySection.Write(html, model);
        foreach (var team in model.Teams) TeamSection.Write(html, model, team);
        TotalsSection.Write(html, model);
        PageFrame.Close(html);
        return new ReportFile(WeeklyReportRenderer.IndexHtml, WeeklyReportRenderer.Utf8.GetBytes(html.ToString()), ContentType);
    }
}
