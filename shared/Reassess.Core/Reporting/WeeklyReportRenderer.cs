using System.Text;
using Reassess.Core.Reporting.Html;

namespace Reassess.Core.Reporting;

/// <summary>Renders a <see cref="WeeklyReport"/> into the four files of <c>reports/{yyyy}-W{ww}/</c>.</summary>
public static class WeeklyReportRenderer
{
    public const string IndexHtml = "index.html";
    public const string SummaryMarkdown = "summary.md";
    public const string AssessmentsJsonName = "assessments.json";
    public const string FinanceCsvName = "finance.csv";

    /// <summary>UTF-8 without a byte-order mark; unpaired surrogates in data become U+FFFD instead of failing the report.</summary>
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The files in a fixed order: index.html, summary.md, assessments.json, finance.csv.</summary>
    public static IReadOnlyList<ReportFile> Render(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var model = ReportModel.Build(report);
        return
        [
            ReportPage.Render(model),
            MarkdownSummary.Render(model),
            AssessmentsJson.Render(model),
            FinanceCsv.Render(model),
        ];
    }
}
