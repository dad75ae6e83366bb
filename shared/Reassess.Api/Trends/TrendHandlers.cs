using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Pipeline;
using Reassess.Pipeline.Trends;

namespace Reassess.Api.Trends;

/// <summary>
/// <c>GET /api/trends?by=team|costCenter|workload&amp;from=yyyy-Www&amp;to=yyyy-Www&amp;format=json|csv</c>: weekly cost
/// trends from table <c>CostTrends</c>, summed by the grouping asked for; the same answer as <c>reassess trends</c>.
/// </summary>
public sealed class TrendHandlers(PipelineContext context)
{
    public async Task<IResult> GetAsync(string? by, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        var result = await CostTrendQuery.RunAsync(context, by, from, to, format, cancellationToken);
        return result.Ok ? TypedResults.Bytes(result.Content!, result.ContentType) : Problems.BadRequest(result.Problem!);
    }
}
