using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>
/// Two people editing one workload: a read gives the row's ETag, a write that names an older one (or a made-up one)
/// is refused with 412, create-only is honoured, and writers racing to move one id between teams leave it listed once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class WorkloadVersionTests(AzuriteFixture azurite)
{
    private static HttpContent Body(string team)
    {
        var workload = Seed.WorkloadJson();
        workload["team"] = team;
        return Http.Json(workload.ToJsonString());
    }

    [Fact]
    public async Task A_write_naming_the_etag_it_read_goes_in_and_one_naming_an_older_or_made_up_etag_gets_412()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        var client = app.KeyedClient();
        var created = await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Body("support"));
        var read = await client.GetAsync($"/api/workloads/{Seed.WorkloadId}");
        var etag = read.Headers.ETag!;

        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/workloads/{Seed.WorkloadId}") { Content = Body("sales") };
        update.Headers.IfMatch.Add(etag);
        var updated = await client.SendAsync(update);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/workloads/{Seed.WorkloadId}") { Content = Body("ops") };
        stale.Headers.IfMatch.Add(etag);
        var refused = await client.SendAsync(stale);
        var bogus = new HttpRequestMessage(HttpMethod.Put, $"/api/workloads/{Seed.WorkloadId}") { Content = Body("ops") };
        bogus.Headers.TryAddWithoutValidation("If-Match", "\"bogus\"");
        var refusedBogus = await client.SendAsync(bogus);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(created.Headers.ETag, etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag);
        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed), (refused.StatusCode, refusedBogus.StatusCode));
        var (field, detail) = await refused.ReadProblemAsync();
        Assert.Equal("If-Match", field);
        Assert.Contains("GET it again", detail);
        Assert.Equal("sales", (await (await client.GetAsync($"/api/workloads/{Seed.WorkloadId}")).ReadJsonAsync()).GetProperty("team").GetString());
    }

    [Fact]
    public async Task Create_only_with_if_none_match_star_refuses_an_id_that_exists()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        var client = app.KeyedClient();
        HttpRequestMessage CreateOnly() => new(HttpMethod.Put, $"/api/workloads/{Seed.WorkloadId}") { Content = Body("support"), Headers = { IfNoneMatch = { EntityTagHeaderValue.Any } } };

        var first = await client.SendAsync(CreateOnly());
        var second = await client.SendAsync(CreateOnly());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.PreconditionFailed), (first.StatusCode, second.StatusCode));
        Assert.Contains("exists already", (await second.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task Puts_racing_to_move_one_id_between_teams_leave_it_listed_once()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        var client = app.KeyedClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Body($"team-{i}"))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(11, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var listed = JsonNode.Parse(await client.GetStringAsync("/api/workloads"))!.AsArray();
        Assert.Single(listed, w => (string?)w!["id"] == Seed.WorkloadId);
    }
}
