using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Pipeline;

namespace Reassess.Api.Reports;

/// <summary>
/// <c>GET /api/reports/latest</c> and <c>/api/reports/{yyyy}-W{ww}</c>: a published report, as JSON by default or
/// <c>?format=html|md|csv|json</c>, served byte for byte from the report blobs.
/// </summary>
public sealed class ReportHandlers(PipelineContext context)
{
    private static readonly Dictionary<string, string> FilesByFormat = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = WeeklyReportRenderer.AssessmentsJsonName,
        ["html"] = WeeklyReportRenderer.IndexHtml,
        ["md"] = WeeklyReportRenderer.SummaryMarkdown,
        ["csv"] = WeeklyReportRenderer.FinanceCsvName,
    };

    public Task<IResult> LatestAsync(string? format, CancellationToken cancellationToken) =>
        ServeAsync("latest", format, cancellationToken);

    public Task<IResult> WeekAsync(string week, string? format, CancellationToken cancellationToken) =>
        IsoWeek.TryParse(week, out var parsed)
            ? ServeAsync(parsed.ToString(), format, cancellationToken)
            : Task.FromResult<IResult>(Problems.BadRequest("week", $"'{week}' is not an ISO week; use yyyy-Www, e.g. 2026-W48."));

    private async Task<IResult> ServeAsync(string folder, string? format, CancellationToken cancellationToken)
    {
        if (!FilesByFormat.TryGetValue(format ?? "json", out var name))
            return Problems.BadRequest("format", $"'{format}' is not a report format; use json, html, md or csv.");

        var container = context.Account.Settings.ReportsContainer;
        var file = await context.Reports.DownloadAsync($"{container}/{folder}/{name}", cancellationToken);
        return file is null
            ? Problems.NotFound($"No report published for {folder}. The weekly report is published by PublishWeeklyReport (or reassess run).")
            : TypedResults.Bytes(file.Content, file.ContentType);
    }
}
