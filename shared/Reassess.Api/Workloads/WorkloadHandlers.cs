using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Core.Ingestion;
using Reassess.Core.Workloads;
using Reassess.Pipeline;
using Reassess.Storage.Workloads;

namespace Reassess.Api.Workloads;

/// <summary>
/// The workload catalogue over HTTP: list, read, create or replace, delete. A read answers the row's <c>ETag</c>; a
/// write may name it in <c>If-Match</c> (replace only what was read: 412 otherwise) or send <c>If-None-Match: *</c>
/// (create only: 412 when the id exists), so two people editing one workload cannot overwrite each other unseen.
/// </summary>
public sealed class WorkloadHandlers(PipelineContext context, ApiSettings settings)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        Json.Ok((await context.Workloads.GetAllAsync(cancellationToken)).OrderBy(w => w.Id, StringComparer.Ordinal).ToList());

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        WorkloadId.Refuse(id) ?? (await context.Workloads.GetAsync(id, cancellationToken) is { } stored
            ? Json.Ok(stored.Workload).WithHeaders(("ETag", stored.ETag.ToString()))
            : Unknown(id));

    public async Task<IResult> PutAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (WorkloadId.Refuse(id) is { } invalid) return invalid;
        var (json, refused) = await JsonRequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (refused is not null) return refused;
        if (json is null) return JsonRequestBody.Missing("one workload, as in samples/workloads.json");
        using var body = json;

        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return Problems.BadRequest("workload", "expected a JSON object: one workload, as in samples/workloads.json.");
        // The URL names the workload; the body may repeat the id but not contradict it (an id of another kind does).
        if (root.TryGetProperty("id", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.String)
                return Problems.BadRequest("id", $"expected the workload id as text (\"{id}\"), found {given.ValueKind.ToString().ToLowerInvariant()}; it must be the same as in the URL.");
            if (given.GetString() != id)
                return Problems.BadRequest("id", $"'{given.GetString()}' in the body differs from '{id}' in the URL; they must be the same.");
        }

        Workload workload;
        try
        {
            workload = WorkloadCatalog.ParseOne(root, "body", id);
        }
        catch (InputRejectedException e)
        {
            return Problems.BadRequest(e.Problem);
        }

        var written = await context.Workloads.SaveAsync(workload, Condition(request), cancellationToken);
        return written.Outcome switch
        {
            WorkloadWriteOutcome.PreconditionFailed => Problems.PreconditionFailed(request.Headers.IfNoneMatch.Count > 0
                ? $"Workload '{id}' exists already and If-None-Match: * asked to create it only; GET it and send its ETag in If-Match to replace it."
                : $"Workload '{id}' is not the version named in If-Match (it changed since it was read, or is gone); GET it again and resend with its ETag."),
            WorkloadWriteOutcome.Created => Json.Ok(workload, StatusCodes.Status201Created).WithHeaders(("ETag", written.ETag.ToString()!)),
            _ => Json.Ok(workload).WithHeaders(("ETag", written.ETag.ToString()!)),
        };
    }

    /// <summary>The write the request asks for: <c>If-None-Match: *</c> creates only; <c>If-Match</c> replaces only that version.</summary>
    private static WriteCondition Condition(HttpRequest request) =>
        request.Headers.IfNoneMatch.ToString().Trim() == "*" ? new WriteCondition(IfNoneExists: true)
        : request.Headers.IfMatch.ToString().Trim() is { Length: > 0 } etag ? new WriteCondition(IfMatch: new Azure.ETag(etag))
        : WriteCondition.None;

    public async Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        WorkloadId.Refuse(id) ?? (await context.Workloads.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : Unknown(id));

    internal static IResult Unknown(string id) =>
        Problems.NotFound($"No workload '{id}'. GET /api/workloads lists them; PUT /api/workloads/{id} adds one.");
}
