using Reassess.Core.Reporting.Charts;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>"Headline": the week's figures as tiles, and what the projected savings add up.</summary>
internal static class HeadlineSection
{
    public static void Write(HtmlWriter html, ReportModel model)
    {
        var t = model.Totals;
        html.Line("<section id=\"headline\">");
        html.Line("<h2>Headline</h2>");
        html.Line("<dl class=\"figures\">");
        Figure(html, "Week", E(model.Report.Week.ToString()));
        Figure(html, "Workloads assessed", E(ReportFormat.Count(t.Workloads)));
        Figure(html, "Verdicts", VerdictMarkup.Counts(t));
        Figure(html, "Total monthly LLM spend", TotalSpend(model));
        Figure(html, "Projected savings (chosen options)",
            $"{E(ReportFormat.Money(t.ChosenHorizonNet))} net over the horizon<br>{E(ReportFormat.Money(t.ChosenMonthlyNetSavings))} / month run rate");
        Figure(html, "Savings to act on (FineTune, Route)", E(ReportFormat.Money(t.ProjectedMonthlySavings) + " / month"));
        Figure(html, "Flips this week", E(ReportFormat.Count(t.Flips)));
        Figure(html, "Skipped inputs", E(ReportFormat.Count(model.Skipped.Count)));
        html.Line("</dl>");
        html.Line($"<p class=\"muted\">{E(ReportText.ProjectedSavingsMeaning)}</p>");
        html.Line("</section>");
    }

    private static void Figure(HtmlWriter html, string term, string valueHtml) =>
        html.Line($"<div><dt>{E(term)}</dt><dd>{valueHtml}</dd></div>");

    /// <summary>This week's run rate, with its 12-week sparkline so the figure carries its direction.</summary>
    private static string TotalSpend(ReportModel model)
    {
        var trends = model.Trends;
        var text = new ChartText("spend-total", "Total monthly LLM spend, last 12 weeks", SpendSeries.Words(trends, trends.Total));
        return E(ReportFormat.Money(model.Totals.BaselineMonthlyCost) + " / month") + "<br>" +
               new Sparkline { Text = text, Values = SpendSeries.Doubles(trends.Total), Width = 180, Height = 32 }.Render();
    }
}
