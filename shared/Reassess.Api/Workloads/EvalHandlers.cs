using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Core.Ingestion;
using Reassess.Pipeline;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;
using Reassess.Sources.Usage;

namespace Reassess.Api.Workloads;

/// <summary>
/// <c>POST /api/workloads/{id}/evals</c>: record eval results (one object or an array of <c>{date, suite, score}</c>),
/// read by the same reader as eval drop files so the rules are the same.
/// </summary>
public sealed class EvalHandlers(PipelineContext context, ApiSettings settings)
{
    public async Task<IResult> PostAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (WorkloadId.Refuse(id) is { } invalid) return invalid;
        if (await context.Workloads.FindAsync(id, cancellationToken) is null) return WorkloadHandlers.Unknown(id);
        var (json, refused) = await JsonRequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (refused is not null) return refused;
        if (json is null) return JsonRequestBody.Missing("an eval point {date, suite, score} or an array of them");
        using var body = json;

        var root = body.RootElement;
        IReadOnlyList<Entry> points = root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Select((point, i) => (Entry)JsonEntry.InBody(i, point)).ToList()
            : [JsonEntry.InBody(0, root, alone: true)];
        try
        {
            var now = context.Clock.GetUtcNow();
            // The same reader as eval drop files, so the rules are the same; the URL names the workload.
            var result = EvalDropReader.Read(points, "body", new ReadContext(now, now), workloadId: id);
            if (result.Rejected.Count > 0) return Problems.BadRequest(result.Rejected[0]);
            await context.Usage.UpsertEvalsAsync(result.Records, cancellationToken);
            return Json.Ok(result.Records, StatusCodes.Status201Created);
        }
        catch (InputRejectedException e)
        {
            return Problems.BadRequest(e.Problem);
        }
    }
}
