using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Api.Workloads;
using Reassess.Core.Decisions;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;

namespace Reassess.Api.OnDemand;

/// <summary>
/// <c>POST /api/reassess</c> (body empty, or <c>{"workloads": ["id", …]}</c>): reassess now. Serialised with the timer
/// run of ReassessWorkloads by the same gate; waits up to the configured time, then answers 409 with Retry-After.
/// </summary>
public sealed class ReassessHandler(PipelineContext context, ReassessWorkloads reassess, ApiSettings settings, IJobGate gate)
{
    public sealed record Answer(DateTimeOffset AssessedAt, IReadOnlyDictionary<string, long> Counts, IReadOnlyList<string> Problems, IReadOnlyList<Assessment> Assessments);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (json, refused) = await JsonRequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (refused is not null) return refused;
        using var body = json;
        var (only, problem) = ReadSelection(body?.RootElement);
        if (problem is not null) return problem;
        // Checked before the job is held, so a list of ids that name nothing never keeps other runs waiting.
        if (only is not null && await UnknownAsync(only, cancellationToken) is { } unknown) return unknown;

        // One try at the job's lease within the request's storage deadline, so unreachable storage is a quick 503; once
        // storage has answered, waiting for a running reassessment and the run take as long as they take.
        var entered = await gate.TryEnterAsync(JobName.ReassessWorkloads, TimeSpan.Zero, cancellationToken);
        RequestDeadline.Lift(request.HttpContext);
        entered ??= await gate.TryEnterAsync(JobName.ReassessWorkloads, settings.ReassessWait, cancellationToken);
        await using var held = entered;
        if (held is null)
        {
            return TypedResults.Problem(
                    title: "A reassessment is already running.",
                    detail: $"Another run of {JobName.ReassessWorkloads} held the job for {settings.ReassessWait.TotalSeconds:0} s; retry after it finishes.",
                    statusCode: StatusCodes.Status409Conflict)
                .WithHeaders(("Retry-After", "60"));
        }

        var (outcome, assessments) = await reassess.RunNowAsync(only, cancellationToken);
        return Json.Ok(new Answer(outcome.StartedAt, outcome.Counts, outcome.Problems.Select(p => p.ToString()).ToList(), assessments));
    }

    /// <summary>A request names at most this many workloads; leave the list out to reassess them all.</summary>
    public const int MaxIds = 1_000;

    /// <summary>One problem naming the ids that are not in the catalogue (the first ten and how many), or null.</summary>
    private async Task<IResult?> UnknownAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var known = await context.Workloads.ExistingAsync(ids, cancellationToken);
        var unknown = ids.Where(id => !known.Contains(id)).ToList();
        return unknown.Count == 0 ? null : Problems.NotFound(
            $"{unknown.Count:N0} of the {ids.Count:N0} workload id(s) are not in the catalogue: {string.Join(", ", unknown.Take(10).Select(id => $"'{id}'"))}{(unknown.Count > 10 ? ", …" : "")}. " +
            "GET /api/workloads lists them; nothing was reassessed.");
    }

    private static (IReadOnlyCollection<string>? Only, IResult? Problem) ReadSelection(JsonElement? body)
    {
        if (body is not { } root) return (null, null);
        if (root.ValueKind != JsonValueKind.Object) return (null, Problems.BadRequest("body", "expected {\"workloads\": [\"id\", …]} or no body."));
        if (!root.TryGetProperty("workloads", out var list)) return (null, null);
        if (list.ValueKind != JsonValueKind.Array) return (null, Problems.BadRequest("workloads", "expected an array of workload ids."));
        if (list.GetArrayLength() > MaxIds)
            return (null, Problems.BadRequest("workloads", $"names {list.GetArrayLength():N0} workloads; at most {MaxIds:N0} a request (leave the list out to reassess every workload)."));
        var ids = new List<string>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                return (null, Problems.BadRequest($"workloads[{index}]", "expected a workload id (a string)."));
            if (WorkloadId.Refuse(item.GetString(), $"workloads[{index}]") is { } invalid) return (null, invalid);
            ids.Add(item.GetString()!);
            index++;
        }

        return (ids.Distinct(StringComparer.Ordinal).ToList(), null);
    }
}
