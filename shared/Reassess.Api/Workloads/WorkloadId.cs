using Microsoft.AspNetCore.Http.HttpResults;
using Reassess.Api.Http;
using Reassess.Core.Workloads;

namespace Reassess.Api.Workloads;

/// <summary>
/// A workload id as a request gives it, in the URL or in a body, held to the rule the catalogue holds ids to
/// (<see cref="Identifier"/>) before it reaches storage: an id no workload can have is the request's fault (400), and
/// storage would refuse it as a key (a 4xx from storage, a 500 here) or match nothing for a reason the caller cannot see.
/// </summary>
public static class WorkloadId
{
    /// <returns>The 400 to answer with, naming <paramref name="field"/>; null when the id can be a workload's.</returns>
    public static ProblemHttpResult? Refuse(string? id, string field = "id") =>
        Identifier.Problem(id) is { } why ? Problems.BadRequest(field, $"{field}: {why}.") : null;
}
