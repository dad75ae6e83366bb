using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Core.Trends;

namespace Reassess.Pipeline.Trends;

/// <summary>
/// The one implementation behind <c>reassess trends</c> and <c>GET /api/trends</c>: checks the options, reads the
/// weeks' rows from table <c>CostTrends</c> and sums them by team, cost centre or workload. Both callers hand over
/// the options as typed and send the bytes back unchanged, so they answer the same query with the same figures.
/// </summary>
public static class CostTrendQuery
{
    /// <summary>The answer as bytes with its content type, or the option at fault.</summary>
    public sealed record Result(byte[]? Content, string ContentType, TrendQuery? Query, InputProblem? Problem)
    {
        public bool Ok => Problem is null;
    }

    public static async Task<Result> RunAsync(
        PipelineContext context, string? by, string? from, string? to, string? format, CancellationToken cancellationToken = default)
    {
        // Without "to", the newest week on record (else the current one), so the default range always has data when any exists.
        var latest = string.IsNullOrWhiteSpace(to)
            ? await context.CostTrends.LatestWeekAsync(cancellationToken) ?? IsoWeek.Of(context.Clock.GetUtcNow())
            : IsoWeek.Of(context.Clock.GetUtcNow());
        if (!TrendQuery.TryParse(by, from, to, format, latest, out var query, out var problem))
            return new Result(null, "", null, problem);

        var points = await context.CostTrends.ListAsync(query.From, query.To, cancellationToken);
        var answer = CostTrendTable.Answer(points, query);
        return new Result(CostTrendTable.Render(answer, query.Format), CostTrendTable.ContentType(query.Format), query, null);
    }
}
