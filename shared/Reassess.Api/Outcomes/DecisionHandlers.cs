using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Api.Workloads;
using Reassess.Pipeline;
using Reassess.Pipeline.Outcomes;
using Reassess.Storage.Workloads;

namespace Reassess.Api.Outcomes;

/// <summary>
/// <c>POST /api/workloads/{id}/decisions</c> records what a team did, appending it to the workload and storing its
/// forecast (the assessment in force on its day) beside it, so the target it is judged by is fixed when it is made;
/// <c>GET</c> lists the workload's decisions with their forecasts.
/// </summary>
public sealed class DecisionHandlers(PipelineContext context, ApiSettings settings)
{
    public async Task<IResult> PostAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (WorkloadId.Refuse(id) is { } invalid) return invalid;
        if (await context.Workloads.GetAsync(id, cancellationToken) is not { } stored) return WorkloadHandlers.Unknown(id);
        var (json, refused) = await JsonRequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (refused is not null) return refused;
        if (json is null) return JsonRequestBody.Missing("one decision {date, action, model, buildCost?, note?}");
        using var body = json;

        var index = stored.Workload.Decisions.Count;
        var (decision, problem) = DecisionBody.Read(body.RootElement, stored.Workload, index);
        if (problem is not null) return problem;

        // The forecast first: should the workload's write then fail, an unused forecast row is harmless.
        var recorded = await DecisionForecasts.OfAsync(context, id, decision!, index, cancellationToken);
        await context.Decisions.SaveAsync(id, recorded, cancellationToken);
        var workload = stored.Workload with { Decisions = [.. stored.Workload.Decisions, decision!] };
        var written = await context.Workloads.SaveAsync(workload, new WriteCondition(IfMatch: stored.ETag), cancellationToken);
        return written.Outcome == WorkloadWriteOutcome.PreconditionFailed
            ? Problems.PreconditionFailed($"Workload '{id}' changed while the decision was being recorded; send the decision again.")
            : Json.Ok(recorded, StatusCodes.Status201Created);
    }

    public async Task<IResult> ListAsync(string id, CancellationToken cancellationToken) =>
        WorkloadId.Refuse(id) ?? (await context.Workloads.FindAsync(id, cancellationToken) is { } workload
            ? Json.Ok(await WorkloadOutcomes.RecordedAsync(context, workload, cancellationToken))
            : WorkloadHandlers.Unknown(id));
}
