using System.Net;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>
/// A workload id no workload can have, in a URL or in the reassess selection, is the request's fault: a 400 naming it
/// by the rule the catalogue holds ids to, before storage sees it (storage refused some of these as keys: a 500).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class WorkloadIdTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);

    public void Dispose() => _app.Dispose();

    /// <summary>An id, and what the answer must say about it.</summary>
    public static TheoryData<string, string> InvalidIds() => new()
    {
        { "a#b", "contains '#', which storage keys cannot hold" },
        { "a?b", "contains '?', which storage keys cannot hold" },
        { "a\\b", "contains '\\', which storage keys cannot hold" },
        { "tab\there", "contains a control character (U+0009)" },
        { "\u202Eevil", "contains a text-direction control character (U+202E)" },
        { "zero\u200Bwidth", "contains an invisible character (U+200B)" },
        { "padded ", "starts or ends with white space" },
        { new string('x', 101), "is 101 characters; at most 100" },
    };

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public async Task An_id_no_workload_can_have_is_a_400_naming_the_id_on_every_workload_route(string id, string why)
    {
        var client = _app.KeyedClient();
        var path = "/api/workloads/" + Uri.EscapeDataString(id);

        var answers = new (string Route, HttpResponseMessage Response)[]
        {
            ("GET", await client.GetAsync(path)),
            ("DELETE", await client.DeleteAsync(path)),
            ("PUT", await client.PutAsync(path, Http.Json(Seed.WorkloadJson().ToJsonString()))),
            ("GET assessments", await client.GetAsync(path + "/assessments")),
            ("POST evals", await client.PostAsync(path + "/evals", Http.Json("""{"date": "2026-11-20", "suite": "golden", "score": 90}"""))),
        };

        foreach (var (route, response) in answers)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var (field, detail) = await response.ReadProblemAsync();
            Assert.Equal("id", field);
            Assert.StartsWith("id: ", detail);
            Assert.Contains(why, detail);
        }

        Assert.Empty(await _app.Context.Workloads.GetAllAsync());
    }

    [Theory]
    [InlineData("a#b", "contains '#'")]
    [InlineData("..", "'..' is not a name")]
    [InlineData(" ", "is required")]
    public async Task Reassess_with_an_id_no_workload_can_have_is_a_400_naming_its_place_in_the_list(string id, string why)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { workloads = new[] { Seed.WorkloadId, id } });

        var response = await _app.KeyedClient().PostAsync("/api/reassess", Http.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (field, detail) = await response.ReadProblemAsync();
        Assert.Equal("workloads[1]", field);
        Assert.Contains(why, detail);
    }
}
