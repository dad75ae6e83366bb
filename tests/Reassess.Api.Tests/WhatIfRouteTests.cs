using System.Net;
using Reassess.Testing;

namespace Reassess.Api.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class WhatIfRouteTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Whatif_answers_the_worked_example_and_stores_nothing()
    {
        var response = await _app.KeyedClient().PostAsync("/api/whatif", Http.Json(Seed.WhatIfBody()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assessment = await response.ReadJsonAsync();
        Assert.Equal("FineTune", assessment.GetProperty("verdict").GetString());
        Assert.Equal(9.584m, assessment.GetProperty("economics").GetProperty("paybackMonths").GetDecimal());
        Assert.Equal(7_562.65m, assessment.GetProperty("economics").GetProperty("horizonNet").GetDecimal());
        Assert.Empty(await _app.Context.Workloads.GetAllAsync());
        Assert.Null(await _app.Context.Assessments.GetLatestAsync("ticket-triage"));
    }

    [Theory]
    [InlineData("\"gpus\": 1", "\"gpus\": -1", "workload", "fineTune.gpus: -1 is negative")]
    [InlineData("\"calls\": 9200000", "\"calls\": -5", "window.calls", "-5 is negative")]
    [InlineData("\"formatViolations\": 900", "\"formatViolations\": 200000", "window.formatViolations", "is more than formatChecked")]
    [InlineData("\"outputPerMTok\": 5.00", "\"outputPerMTok\": -5.00", "prices[\"anthropic/claude-haiku-4-5\"].outputPerMTok", "negative")]
    [InlineData("\"days\": 28", "\"days\": \"four weeks\"", "window.days", "wrong type")]
    public async Task An_invalid_whatif_is_a_400_with_the_field_path(string from, string to, string field, string message)
    {
        var response = await _app.KeyedClient().PostAsync("/api/whatif", Http.Json(Seed.WhatIfBody().Replace(from, to)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Detail);
    }

    [Fact]
    public async Task A_whatif_missing_its_window_says_so()
    {
        var response = await _app.KeyedClient().PostAsync("/api/whatif", Http.Json("""{"workload": {}, "prices": {}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
