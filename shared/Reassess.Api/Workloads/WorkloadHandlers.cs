using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Core.Ingestion;
using Reassess.Core.Workloads;
using Reassess.Pipeline;

namespace Reassess.Api.Workloads;

/// <summary>The workload catalogue over HTTP: list, read, create or replace, delete.</summary>
public sealed class WorkloadHandlers(PipelineContext context, ApiSettings settings)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        Json.Ok((await context.Workloads.GetAllAsync(cancellationToken)).OrderBy(w => w.Id, StringComparer.Ordinal).ToList());

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        WorkloadId.Refuse(id) ?? (await context.Workloads.FindAsync(id, cancellationToken) is { } workload ? Json.Ok(workload) : Unknown(id));

    public async Task<IResult> PutAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (WorkloadId.Refuse(id) is { } invalid) return invalid;
        var (read, refused) = await JsonRequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (refused is not null) return refused;
        using var body = read!;

        Workload workload;
        try
        {
            if (JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) is not JsonObject json)
                return Problems.BadRequest("workload", "expected a JSON object (DESIGN §5 workload).");
            // The URL names the workload; the body may repeat the id but not contradict it (an id of another kind does).
            if (json["id"] is { } given && given.GetValueKind() != JsonValueKind.String)
                return Problems.BadRequest("id", $"expected the workload id as text (\"{id}\"), found {given.GetValueKind().ToString().ToLowerInvariant()}; it must be the same as in the URL.");
            if (json["id"] is JsonValue text && (string?)text != id)
                return Problems.BadRequest("id", $"'{(string?)text}' in the body differs from '{id}' in the URL; they must be the same.");
            json["id"] = id;
            using var document = JsonDocument.Parse(json.ToJsonString());
            workload = WorkloadCatalog.ParseOne(document.RootElement, "body");
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"line {e.LineNumber + 1}", "the body is not valid JSON.");
        }
        catch (InputRejectedException e)
        {
            return Problems.BadRequest(e.Problem);
        }

        var existed = await context.Workloads.FindAsync(id, cancellationToken) is not null;
        await context.Workloads.UpsertAsync([workload], cancellationToken);
        return existed ? Json.Ok(workload) : Json.Ok(workload, StatusCodes.Status201Created);
    }

    public async Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        WorkloadId.Refuse(id) ?? (await context.Workloads.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : Unknown(id));

    internal static IResult Unknown(string id) =>
        Problems.NotFound($"No workload '{id}'. GET /api/workloads lists them; PUT /api/workloads/{id} adds one.");
}
