using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Reassess.Api.Http;
using Reassess.Core.Json;
using Reassess.Core.Outcomes;
using Reassess.Core.Workloads;

namespace Reassess.Api.Outcomes;

/// <summary>
/// One decision as a request body: read by the contract's JSON rules and checked by the same validator as the
/// workloads file, as the workload's next decision, so the rules cannot differ; problems name the body's field.
/// </summary>
internal static class DecisionBody
{
    public static (WorkloadDecision? Decision, ProblemHttpResult? Problem) Read(JsonElement root, Workload workload, int index)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, Problems.BadRequest("decision", "expected a JSON object: one decision {date, action, model, buildCost?, note?}."));
        // Left out, the action would read as the enum's first value; a decision must say what was done.
        if (!root.TryGetProperty("action", out _))
            return (null, Problems.BadRequest("action", "action: is required (fineTune, route or stay)."));

        WorkloadDecision decision;
        try
        {
            decision = root.Deserialize<WorkloadDecision>(ReassessJson.Options) ?? new WorkloadDecision();
        }
        catch (JsonException e)
        {
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            return (null, Problems.BadRequest(path.Length == 0 ? "body" : path, $"{(path.Length == 0 ? "value" : path)}: {e.Message.Split(". ")[0]}."));
        }

        var prefix = $"decisions[{index}].";
        var problems = WorkloadValidator.Validate(workload with { Decisions = [.. workload.Decisions, decision] })
            .Select(p => p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : p)
            .ToList();
        if (problems.Count == 0) return (decision, null);
        var field = problems[0].Split(':')[0];
        return (null, Problems.BadRequest(field, string.Join("; ", problems)));
    }
}
