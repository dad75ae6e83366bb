using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Reassess.Api.OnDemand;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>
/// <c>POST /api/reassess</c> checks the ids it is given before it holds the job: too many are refused, ids that name
/// no workload are answered in one short problem, and none of it keeps the job from other runs.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReassessSelectionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task More_ids_than_a_request_may_name_are_refused_naming_the_limit()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        var ids = Enumerable.Range(0, ReassessHandler.MaxIds + 1).Select(i => $"w-{i}");

        var answer = await app.KeyedClient().PostAsync("/api/reassess", Http.Json(JsonSerializer.Serialize(new { workloads = ids })));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var (field, detail) = await answer.ReadProblemAsync();
        Assert.Equal("workloads", field);
        Assert.Contains("at most 1,000 a request", detail);
    }

    [Fact]
    public async Task Unknown_ids_are_answered_in_one_short_problem_without_holding_the_job()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite, reassessWaitSeconds: 0);
        var client = app.KeyedClient();
        await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Http.Json(Seed.WorkloadJson().ToJsonString()));
        var ids = Enumerable.Range(0, 999).Select(i => $"nobody-{i}").Append(Seed.WorkloadId);
        var timer = Stopwatch.StartNew();

        var answer = await client.PostAsync("/api/reassess", Http.Json(JsonSerializer.Serialize(new { workloads = ids })));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(body.Length < 2_000, $"{body.Length} characters");
        Assert.Contains("999 of the 1,000 workload id(s) are not in the catalogue: 'nobody-0', 'nobody-1'", body);
        Assert.InRange(timer.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        // The job was never held: a run right after is not turned away.
        var run = await client.PostAsync("/api/reassess", Http.Json(JsonSerializer.Serialize(new { workloads = new[] { Seed.WorkloadId } })));
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
    }
}
