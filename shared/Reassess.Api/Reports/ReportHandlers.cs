using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Blobs;

namespace Reassess.Api.Reports;

/// <summary>
/// <c>GET /api/reports/latest</c> and <c>/api/reports/{yyyy}-W{ww}</c>: a published report, as JSON by default or
/// <c>?format=html|md|csv|json</c>, served byte for byte from the report blobs.
/// </summary>
public sealed class ReportHandlers(PipelineContext context)
{
    /// <summary>
    /// A report opened from the API runs with nothing it does not need: the page is self-contained (its CSS in one
    /// style element, its charts inline SVG, no script, image, font or form), so it may load nothing, run no script, be
    /// framed by no other site, and post nowhere; and no browser may take a file for another type than it is sent as
    /// (a summary or a CSV read as HTML).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> FilesByFormat = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = WeeklyReportRenderer.AssessmentsJsonName,
        ["html"] = WeeklyReportRenderer.IndexHtml,
        ["md"] = WeeklyReportRenderer.SummaryMarkdown,
        ["csv"] = WeeklyReportRenderer.FinanceCsvName,
    };

    public Task<IResult> LatestAsync(string? format, CancellationToken cancellationToken) =>
        ServeAsync(ReportFolder.Latest, format, cancellationToken);

    public Task<IResult> WeekAsync(string week, string? format, CancellationToken cancellationToken) =>
        IsoWeek.TryParse(week, out var parsed)
            ? ServeAsync(ReportFolder.Of(parsed), format, cancellationToken)
            : Task.FromResult<IResult>(Problems.BadRequest("week", $"'{week}' is not an ISO week; use yyyy-Www, e.g. 2026-W48."));

    private async Task<IResult> ServeAsync(ReportFolder folder, string? format, CancellationToken cancellationToken)
    {
        if (!FilesByFormat.TryGetValue(format ?? "json", out var name))
            return Problems.BadRequest("format", $"'{format}' is not a report format; use json, html, md or csv.");

        var file = await context.Reports.ReadAsync(folder, name, cancellationToken);
        return file is null
            ? Problems.NotFound($"No report published for {folder}. The weekly report is published by {JobName.PublishWeeklyReport} (or reassess run).")
            : TypedResults.Bytes(file.Content, file.ContentType)
                .WithHeaders(("Content-Security-Policy", ContentSecurityPolicy), ("X-Content-Type-Options", "nosniff"));
    }
}
