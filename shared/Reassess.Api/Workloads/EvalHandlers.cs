using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Core.Ingestion;
using Reassess.Pipeline;
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
        var (read, refused) = await JsonRequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (refused is not null) return refused;
        using var body = read!;

        byte[] withWorkload;
        try
        {
            withWorkload = WithWorkloadId(body, id);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"line {e.LineNumber + 1}", "the body is not valid JSON.");
        }
        catch (InvalidOperationException e)
        {
            return Problems.BadRequest("body", e.Message);
        }

        try
        {
            var now = context.Clock.GetUtcNow();
            var result = await new EvalDropReader().ReadAsync(new MemoryStream(withWorkload), "body", new ReadContext(now, now), cancellationToken);
            if (result.Rejected.Count > 0) return Problems.BadRequest(result.Rejected[0]);
            await context.Usage.UpsertEvalsAsync(result.Records, cancellationToken);
            return Json.Ok(result.Records, StatusCodes.Status201Created);
        }
        catch (InputRejectedException e)
        {
            return Problems.BadRequest(e.Problem);
        }
    }

    /// <summary>The URL names the workload; each point gets it so the body need not repeat it.</summary>
    private static byte[] WithWorkloadId(Stream body, string id)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body) ?? throw new InvalidOperationException("expected an eval point or an array of them.");
        var points = node is System.Text.Json.Nodes.JsonArray array ? array : [node.DeepClone()];
        foreach (var point in points)
        {
            if (point is not System.Text.Json.Nodes.JsonObject item)
                throw new InvalidOperationException("each eval point must be an object {date, suite, score}.");
            if (item["workload"] is { } given && given.ToString() != id)
                throw new InvalidOperationException($"workload '{given}' in the body differs from '{id}' in the URL.");
            item["workload"] = id;
        }

        return JsonSerializer.SerializeToUtf8Bytes(points);
    }
}
