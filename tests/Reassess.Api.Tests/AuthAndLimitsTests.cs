using System.Net;
using Reassess.Testing;

namespace Reassess.Api.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class AuthAndLimitsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite, maxBodyBytes: 8 * 1024);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("GET", "/api/workloads")]
    [InlineData("GET", "/api/workloads/ticket-triage")]
    [InlineData("PUT", "/api/workloads/ticket-triage")]
    [InlineData("DELETE", "/api/workloads/ticket-triage")]
    [InlineData("GET", "/api/workloads/ticket-triage/assessments")]
    [InlineData("POST", "/api/workloads/ticket-triage/evals")]
    [InlineData("POST", "/api/whatif")]
    [InlineData("POST", "/api/reassess")]
    [InlineData("GET", "/api/reports/latest")]
    [InlineData("GET", "/api/reports/2026-W48")]
    [InlineData("GET", "/api/trends")]
    public async Task Every_route_but_health_needs_a_function_key(string method, string path)
    {
        var client = _app.CreateClient();

        var missing = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Http.Json("{}") });
        var wrong = new HttpRequestMessage(new HttpMethod(method), path) { Content = Http.Json("{}") };
        wrong.Headers.Add("x-functions-key", "not-the-key-0123456789");
        var wrongKey = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Contains("x-functions-key", (await missing.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task The_key_is_also_accepted_in_the_code_query_parameter()
    {
        var response = await _app.CreateClient().GetAsync($"/api/workloads?code={ReassessApiFactory.Key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_without_a_key_and_says_storage_is_reachable()
    {
        var response = await _app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.ReadJsonAsync();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("storageReachable").GetBoolean());
        Assert.True(health.GetProperty("jobs").TryGetProperty("ReassessWorkloads", out _));
    }

    [Theory]
    [InlineData("POST", "/api/whatif")]
    [InlineData("PUT", "/api/workloads/ticket-triage")]
    [InlineData("POST", "/api/workloads/ticket-triage/evals")]
    [InlineData("POST", "/api/reassess")]
    public async Task An_oversized_body_is_refused_with_413(string method, string path)
    {
        await _app.KeyedClient().PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));
        var body = "{\"padding\": \"" + new string('x', 9 * 1024) + "\"}";

        var response = await _app.KeyedClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Http.Json(body) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Reassess__MaxRequestBodyBytes", (await response.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_404()
    {
        var response = await _app.KeyedClient().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
