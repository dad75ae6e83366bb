using System.ComponentModel;
using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reassess.Api.OpenApi;
using Reassess.Core.Reporting;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Api.Reports;

public static class ReportEndpoints
{
    private const string FormatDescription = "json (default: assessments.json), html (index.html), md (summary.md) or csv (finance.csv).";

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder group)
    {
        group.MapGet(Routes.LatestReport, ([Description(FormatDescription)] string? format, ReportHandlers handlers, CancellationToken ct) =>
                handlers.LatestAsync(format, ct))
            .WithName(HttpNames.LatestReport)
            .WithSummary("The latest published weekly report")
            .DescribedAsReport();
        group.MapGet(Routes.WeekReport, (
                    [Description("The ISO week, yyyy-Www (e.g. 2026-W48).")] string week,
                    [Description(FormatDescription)] string? format,
                    ReportHandlers handlers, CancellationToken ct) =>
                handlers.WeekAsync(week, format, ct))
            .WithName(HttpNames.WeekReport)
            .WithSummary("The weekly report published for one ISO week")
            .DescribedAsReport();
        return group;
    }

    /// <summary>A report file served as published: the assessments as JSON, or the page, summary or finance sheet.</summary>
    private static RouteHandlerBuilder DescribedAsReport(this RouteHandlerBuilder endpoint) =>
        endpoint.WithTags("Reports")
            .Produces<AssessmentsDocument>()
            .AlsoAnswersAsText(MediaTypeNames.Text.Html, MediaTypeNames.Text.Markdown, MediaTypeNames.Text.Csv)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
