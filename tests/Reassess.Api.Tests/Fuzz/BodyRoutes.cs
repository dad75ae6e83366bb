using System.Text;

namespace Reassess.Api.Tests.Fuzz;

/// <summary>A route that takes a body: its method, a path to call, its route pattern, and a body it accepts (what gets broken).</summary>
public sealed record BodyRoute(string Method, string Path, string Pattern, Func<byte[]> ValidBody, bool EmptyIsValid = false, bool StoresNothing = false)
{
    /// <summary>What is sent: everything, where nothing can be stored; elsewhere only what must be refused.</summary>
    public IReadOnlyList<BodyKind> Kinds => StoresNothing ? BodyMutations.AllKinds : BodyMutations.RefusedKinds;

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Every route of the API that takes a body. PUT is fuzzed both on the seeded workload and on a new id, so a body that
/// slipped through would either change the one or create the other.
/// </summary>
public static class BodyRoutes
{
    public const string NewWorkload = "fuzz-new";

    public static IReadOnlyList<BodyRoute> All { get; } =
    [
        new("POST", "/api/whatif", "/api/whatif", () => Encoding.UTF8.GetBytes(Seed.WhatIfBody()), StoresNothing: true),
        new("PUT", $"/api/workloads/{Seed.WorkloadId}", "/api/workloads/{id}", () => Encoding.UTF8.GetBytes(Seed.WorkloadJson().ToJsonString())),
        new("PUT", $"/api/workloads/{NewWorkload}", "/api/workloads/{id}", NewWorkloadBody),
        new("POST", $"/api/workloads/{Seed.WorkloadId}/evals", "/api/workloads/{id}/evals", () => Encoding.UTF8.GetBytes(
            """[{"date": "2026-11-20", "suite": "triage-golden-set", "score": 91.4}, {"date": "2026-11-27", "suite": "triage-golden-set", "score": 91.9}]""")),
        new("POST", $"/api/workloads/{Seed.WorkloadId}/decisions", "/api/workloads/{id}/decisions", () => Encoding.UTF8.GetBytes(
            """{"date": "2026-11-20", "action": "route", "model": "anthropic/claude-3-5-haiku-latest", "buildCost": 1200, "note": "same scores"}""")),
        // No body at all is valid here (reassess everything), so the fuzz never sends an empty one.
        new("POST", "/api/reassess", "/api/reassess", () => Encoding.UTF8.GetBytes($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""), EmptyIsValid: true),
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var route in All) cases.Add(route.Method, route.Path);
        return cases;
    }

    public static BodyRoute Get(string method, string path) => All.Single(r => r.Method == method && r.Path == path);

    private static byte[] NewWorkloadBody()
    {
        var workload = Seed.WorkloadJson();
        workload["id"] = NewWorkload;
        return Encoding.UTF8.GetBytes(workload.ToJsonString());
    }
}
