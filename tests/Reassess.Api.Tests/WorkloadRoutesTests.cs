using System.Net;
using Reassess.Testing;

namespace Reassess.Api.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class WorkloadRoutesTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Put_creates_then_replaces_and_get_and_list_return_it()
    {
        var client = _app.KeyedClient();
        var workload = Seed.WorkloadJson();

        var created = await client.PutAsync("/api/workloads/ticket-triage", Http.Json(workload.ToJsonString()));
        workload["name"] = "Ticket triage v2";
        var replaced = await client.PutAsync("/api/workloads/ticket-triage", Http.Json(workload.ToJsonString()));
        var read = await client.GetAsync("/api/workloads/ticket-triage");
        var list = await (await client.GetAsync("/api/workloads")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Ticket triage v2", (await read.ReadJsonAsync()).GetProperty("name").GetString());
        Assert.Equal(["ticket-triage"], list.EnumerateArray().Select(w => w.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Put_without_an_id_in_the_body_takes_the_one_in_the_url()
    {
        var workload = Seed.WorkloadJson();
        workload.Remove("id");

        var response = await _app.KeyedClient().PutAsync("/api/workloads/ticket-triage", Http.Json(workload.ToJsonString()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("ticket-triage", (await response.ReadJsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Put_with_invalid_fields_is_a_400_naming_each_field_path()
    {
        var workload = Seed.WorkloadJson();
        workload["fineTune"]!["promptReduction"] = 1.5;
        workload["baseline"]!["model"] = "haiku";

        var response = await _app.KeyedClient().PutAsync("/api/workloads/ticket-triage", Http.Json(workload.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, detail) = await response.ReadProblemAsync();
        Assert.Contains("fineTune.promptReduction: 1.5 is outside 0–1", detail);
        Assert.Contains("baseline.model: 'haiku' is not a price key", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.KeyedClient().GetAsync("/api/workloads/ticket-triage")).StatusCode);
    }

    [Fact]
    public async Task Put_with_a_wrong_type_names_the_field()
    {
        var workload = Seed.WorkloadJson();
        workload["fineTune"]!["gpus"] = "two";

        var response = await _app.KeyedClient().PutAsync("/api/workloads/ticket-triage", Http.Json(workload.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("fineTune.gpus:", (await response.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task Put_with_an_id_that_contradicts_the_url_is_a_400()
    {
        var response = await _app.KeyedClient().PutAsync("/api/workloads/other", Http.Json(Seed.WorkloadJson().ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("id", (await response.ReadProblemAsync()).Field);
    }

    [Fact]
    public async Task Put_with_a_body_that_is_not_json_is_a_400()
    {
        var response = await _app.KeyedClient().PutAsync("/api/workloads/ticket-triage", Http.Json("{ not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", (await response.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task An_unknown_workload_is_a_404_on_every_workload_route()
    {
        var client = _app.KeyedClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workloads/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/workloads/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workloads/nope/assessments")).StatusCode);
        var evals = await client.PostAsync("/api/workloads/nope/evals", Http.Json("""{"date":"2026-11-20","suite":"s","score":90}"""));
        Assert.Equal(HttpStatusCode.NotFound, evals.StatusCode);
        Assert.Contains("PUT /api/workloads/", (await evals.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task Delete_removes_the_workload()
    {
        var client = _app.KeyedClient();
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));

        var deleted = await client.DeleteAsync("/api/workloads/ticket-triage");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workloads/ticket-triage")).StatusCode);
    }

    [Fact]
    public async Task Evals_are_stored_for_the_workload_in_the_url()
    {
        var client = _app.KeyedClient();
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));

        var response = await client.PostAsync("/api/workloads/ticket-triage/evals",
            Http.Json("""[{"date":"2026-11-13","suite":"golden","score":91.2},{"date":"2026-11-20","suite":"golden","score":91.4}]"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await _app.Context.Usage.GetEvalsAsync("ticket-triage", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        Assert.Equal([91.2m, 91.4m], stored.Select(e => e.Score));
    }

    [Fact]
    public async Task An_eval_out_of_range_is_a_400_naming_the_field()
    {
        var client = _app.KeyedClient();
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));

        var response = await client.PostAsync("/api/workloads/ticket-triage/evals", Http.Json("""{"date":"2026-11-20","suite":"golden","score":140}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("score", (await response.ReadProblemAsync()).Field);
    }

    [Fact]
    public async Task Assessment_history_rejects_a_bad_date()
    {
        var client = _app.KeyedClient();
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));

        var response = await client.GetAsync("/api/workloads/ticket-triage/assessments?from=last-week");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("from", (await response.ReadProblemAsync()).Field);
    }
}
