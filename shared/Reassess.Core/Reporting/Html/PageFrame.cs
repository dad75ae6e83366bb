using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>What surrounds the sections: the document head with the style sheet, the page title and the question it answers.</summary>
internal static class PageFrame
{
    public static void Open(HtmlWriter html, WeeklyReport report)
    {
        var week = report.Week.ToString();
        html.Line("<!DOCTYPE html>");
        html.Line("<html lang=\"en\">");
        html.Line("<head>");
        html.Line("<meta charset=\"utf-8\">");
        html.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Line($"<title>Reassess weekly report {E(week)}</title>");
        html.Line("<style>");
        html.Raw(ReportStyles.Sheet);
        html.Line("</style>");
        html.Line("</head>");
        html.Line("<body>");
        html.Line("<header>");
        html.Line($"<h1>Reassess weekly report {E(week)}</h1>");
        html.Line($"<p class=\"asof\">Assessments as of {E(ReportFormat.Instant(report.AsOf))}. " +
                  "Each workload: stay on a prompted frontier model, switch or route to a cheaper model that already meets its targets, " +
                  "or fine-tune a smaller one?</p>");
        html.Line("</header>");
        html.Line("<main>");
    }

    public static void Close(HtmlWriter html)
    {
        html.Line("</main>");
        html.Line("</body>");
        html.Line("</html>");
    }
}
