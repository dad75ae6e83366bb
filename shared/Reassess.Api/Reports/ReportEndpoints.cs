using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Reassess.Pipeline.Catalog.FunctionCatalog;

namespace Reassess.Api.Reports;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder group)
    {
        group.MapGet(Routes.LatestReport, (string? format, ReportHandlers handlers, CancellationToken ct) => handlers.LatestAsync(format, ct));
        group.MapGet(Routes.WeekReport, (string week, string? format, ReportHandlers handlers, CancellationToken ct) => handlers.WeekAsync(week, format, ct));
        return group;
    }
}
