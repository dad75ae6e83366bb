using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Api.Workloads;
using Reassess.Pipeline;
using Reassess.Pipeline.Outcomes;

namespace Reassess.Api.Outcomes;

/// <summary>
/// <c>GET /api/workloads/{id}/outcome[?asOf=yyyy-MM-dd]</c>: did each of the workload's decisions pay, as of a day
/// (by default the last whole UTC day): realised against forecast monthly figures, the variance's parts, the verdict
/// and what evidence is missing.
/// </summary>
public sealed class OutcomeHandlers(PipelineContext context)
{
    public async Task<IResult> GetAsync(string id, string? asOf, CancellationToken cancellationToken)
    {
        if (WorkloadId.Refuse(id) is { } invalid) return invalid;
        var day = WorkloadOutcomes.LastWholeDay(context.Clock.GetUtcNow());
        if (!string.IsNullOrEmpty(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return Problems.BadRequest("asOf", $"'{asOf}' is not a day; use yyyy-MM-dd.");
        if (await context.Workloads.FindAsync(id, cancellationToken) is not { } workload) return WorkloadHandlers.Unknown(id);
        var prices = await PriceTimeline.ReadAsync(context, cancellationToken);
        return Json.Ok(await WorkloadOutcomes.OfAsync(context, workload, day, prices, cancellationToken));
    }
}
