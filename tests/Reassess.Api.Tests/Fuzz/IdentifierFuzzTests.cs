using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reassess.Core.Workloads;
using Reassess.Testing;
using Xunit.Abstractions;

namespace Reassess.Api.Tests.Fuzz;

/// <summary>
/// The answer an identifier must get: a status and, for a 400, the field it names. <paramref name="ByServer"/>: the
/// server itself (Kestrel) refuses the request before the app sees it, so the answer carries no problem body.
/// </summary>
public sealed record IdentifierAnswer(int Status, string Field = "", bool ByServer = false);

/// <summary>Where a hostile identifier goes: a workload route's URL, or one member of a body.</summary>
public sealed record IdentifierTarget(string Name, Func<string, HttpRequestMessage> Request, Func<string, IdentifierAnswer?> Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// Seeded hostile identifiers (<see cref="IdentifierMutations"/>: very long, <c>%2F</c> and other escapes, control, bidi
/// and zero-width characters, surrounding spaces, <c>..</c>, <c># ? \</c>) in the URL of every workload route and in
/// the identifiers of the bodies (a workload's id, team, cost centre and name; the reassess selection), over real HTTP
/// to the app on Kestrel: never a 5xx (nothing unhandled), every 4xx a problem, and wherever the server receives the
/// identifier as sent, the 400 the catalogue's rule calls for, naming the field. A failure prints seed, index and kind.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class IdentifierFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    /// <summary>Of each kind, per target: 270 requests over the ten targets; <c>REASSESS_FUZZ_IDS_PER_KIND</c> sends more.</summary>
    public static readonly int IdsPerKind = int.TryParse(Environment.GetEnvironmentVariable("REASSESS_FUZZ_IDS_PER_KIND"), out var count) ? count : 3;

    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);

    public void Dispose() => _app.Dispose();

    private static readonly Dictionary<string, IdentifierTarget> Targets = new IdentifierTarget[]
    {
        InUrl("GET", ""),
        InUrl("DELETE", ""),
        InUrl("PUT", "", () => WorkloadWith(w => w.Remove("id"))),
        InUrl("GET", "/assessments"),
        InUrl("POST", "/evals", () => """{"date": "2026-11-20", "suite": "golden", "score": 90}"""),
        InWorkload("id", id => id == Seed.WorkloadId ? null : "differs from"),
        InWorkload("team", Identifier.Problem),
        InWorkload("costCenter", Identifier.Problem),
        InWorkload("name", name => FreeText.Problem(name)),
        new("POST /api/reassess {workloads: [id]}",
            id => Post("/api/reassess", JsonSerializer.Serialize(new { workloads = new[] { id } })),
            // A valid id names the seeded workload (200) or none (404, answered before the job is held).
            id => Identifier.Problem(id) is not null ? new(400, "workloads[0]") : id == Seed.WorkloadId ? new(200) : new(404)),
    }.ToDictionary(t => t.Name);

    public static TheoryData<string> Cases() => [.. Targets.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_identifiers_are_refused_as_problems_and_never_fail_the_server(string targetName)
    {
        var target = Targets[targetName];
        var client = _app.KeyedClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Http.Json(Seed.WorkloadJson().ToJsonString()))).StatusCode);

        var count = IdsPerKind * IdentifierMutations.AllKinds.Count;
        var failures = new List<string>();
        var answers = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        foreach (var id in IdentifierMutations.Generate(Seed.WorkloadId, RequestBodyFuzzTests.FuzzSeed, count))
        {
            try
            {
                using var response = await client.SendAsync(target.Request(id.Value));
                answers[(int)response.StatusCode] = answers.GetValueOrDefault((int)response.StatusCode) + 1;
                if (await WhatIsWrongAsync(response, target.Expected(id.Value)) is { } wrong) failures.Add($"{id}: {wrong}");
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{id}: the request failed ({e.Message})");
            }
        }

        output.WriteLine($"{target}: {count} identifiers, seed {RequestBodyFuzzTests.FuzzSeed}, answered " +
                         $"{string.Join(", ", answers.Select(a => $"{a.Key}×{a.Value}"))}; {failures.Count} failures in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {count} hostile identifiers to {target} were mishandled (replay one with IdentifierMutations.Make(\"{Seed.WorkloadId}\", seed, index, kind)):\n" +
            string.Join("\n", failures.Take(15)));
    }

    /// <summary>
    /// The id in a workload route's URL, escaped as a client escapes it. The 400 is certain only where the server gets
    /// the id as sent: a <c>/</c> stays <c>%2F</c> in the route value, a <c>%</c> escape is text, and <c>.</c> segments
    /// are resolved away before routing, so those may rightly find no workload (404) or another route. A NUL
    /// (<c>%00</c>) in a path is refused by Kestrel itself, with a bare 400, before any app code runs.
    /// </summary>
    private static IdentifierTarget InUrl(string method, string rest, Func<string>? body = null) => new(
        $"{method} /api/workloads/{{id}}{rest}",
        id => new HttpRequestMessage(new HttpMethod(method), $"/api/workloads/{Uri.EscapeDataString(id)}{rest}") { Content = body is null ? null : Http.Json(body()) },
        id => id.Contains('\0') ? new(400, ByServer: true)
            : Identifier.Problem(id) is null || id.Contains('/') || id.Contains('%') || id is "." or ".." ? null
            : new(400, "id"));

    /// <summary>One member of the seeded workload's body, PUT to its URL: refused (400) exactly when the catalogue's rule for it refuses the value.</summary>
    private static IdentifierTarget InWorkload(string member, Func<string, string?> problem) => new(
        $"PUT /api/workloads/{Seed.WorkloadId} {{{member}}}",
        value => new HttpRequestMessage(HttpMethod.Put, $"/api/workloads/{Seed.WorkloadId}") { Content = Http.Json(WorkloadWith(w => w[member] = value)) },
        value => problem(value) is null ? new(200) : new(400, member == "id" ? "id" : "workload"));

    private static HttpRequestMessage Post(string path, string body) => new(HttpMethod.Post, path) { Content = Http.Json(body) };

    private static string WorkloadWith(Action<JsonObject> change)
    {
        var workload = Seed.WorkloadJson();
        change(workload);
        return workload.ToJsonString();
    }

    /// <summary>
    /// Null when the answer is not a 5xx, has the expected status and field (when one is certain), and, if a 4xx, is a
    /// problem whose detail says what (and whose field says where, for a 400).
    /// </summary>
    private static async Task<string?> WhatIsWrongAsync(HttpResponseMessage response, IdentifierAnswer? expected)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var shown = text.Length > 400 ? text[..400] + "…" : text;
        if (status >= 500) return $"answered {status}: {shown}";
        if (expected is { } want && status != want.Status) return $"answered {status}, not {want.Status}: {shown}";
        if (status < 400 || expected is { ByServer: true }) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"answered {status} as {response.Content.Headers.ContentType}, not a problem: {shown}";

        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement;
        if (!root.TryGetProperty("detail", out var detail) || string.IsNullOrWhiteSpace(detail.GetString())) return $"the problem has no detail: {shown}";
        if (root.GetProperty("status").GetInt32() != status) return $"the problem says status {root.GetProperty("status")}: {shown}";
        if (status != 400) return null;
        var field = root.TryGetProperty("field", out var f) ? f.GetString() : null;
        if (string.IsNullOrWhiteSpace(field)) return $"the problem does not say where (no field): {shown}";
        return expected is { } known && known.Field != field ? $"the problem names field '{field}', not '{known.Field}': {shown}" : null;
    }
}
