using System.ComponentModel;
using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reassess.Api.OpenApi;
using Reassess.Core.Trends;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Api.Trends;

public static class TrendEndpoints
{
    public static RouteGroupBuilder MapTrends(this RouteGroupBuilder group)
    {
        group.MapGet(Routes.Trends, (
                    [Description("Group by team, costCenter or workload.")] string? by,
                    [Description("First ISO week, yyyy-Www.")] string? from,
                    [Description("Last ISO week, yyyy-Www.")] string? to,
                    [Description("json (default) or csv.")] string? format,
                    TrendHandlers handlers, CancellationToken ct) =>
                handlers.GetAsync(by, from, to, format, ct))
            .WithName(HttpNames.Trends)
            .WithTags("Trends")
            .WithSummary("Weekly cost trends, summed by team, cost centre or workload")
            .WithDescription("The same answer as reassess trends: rows by group and week, and each week's total.")
            .Produces<TrendAnswer>()
            .AlsoAnswersAsText(MediaTypeNames.Text.Csv)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
