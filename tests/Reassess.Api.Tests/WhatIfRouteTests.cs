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
    [InlineData("[91.0, 91.6, 90.9, 91.3]", "[91.0, {\"date\": \"2026-11-02\", \"score\": 91.6}]", "window.evalScores", "mixes plain scores and {date, score} points")]
    [InlineData("[91.0, 91.6, 90.9, 91.3]", "[{\"date\": \"2 Nov\", \"score\": 91.6}]", "window.evalScores[0].date", "yyyy-MM-dd")]
    [InlineData("[91.0, 91.6, 90.9, 91.3]", "[{\"date\": \"2026-11-02\"}]", "window.evalScores[0].score", "expected the score")]
    [InlineData("[91.0, 91.6, 90.9, 91.3]", "[91.0, \"high\"]", "window.evalScores[1]", "expected a score")]
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

    [Fact]
    public async Task Scores_rising_half_a_point_a_week_are_still_climbing_but_the_same_scores_three_weeks_apart_have_plateaued()
    {
        const string undated = "[90.0, 90.5, 91.0, 91.5]";
        const string dated = """[{"date": "2026-11-30", "score": 91.5}, {"date": "2026-09-28", "score": 90.0}, {"date": "2026-10-19", "score": 90.5}, {"date": "2026-11-09", "score": 91.0}]""";

        var weekly = await QualityAsync(Seed.WhatIfBody().Replace("[91.0, 91.6, 90.9, 91.3]", undated));
        var threeWeekly = await QualityAsync(Seed.WhatIfBody().Replace("[91.0, 91.6, 90.9, 91.3]", dated));

        Assert.Equal(("NotMet", "Latest eval 91.5 < target 95.0 but still climbing (0.50 points a week > 0.25)."), weekly);
        Assert.Equal(("Met", "Latest eval 91.5 < target 95.0, plateaued (range 1.5 over 4 points ≤ 2.0, 0.17 points a week)."), threeWeekly);
    }

    private async Task<(string? Status, string? Evidence)> QualityAsync(string body)
    {
        var response = await _app.KeyedClient().PostAsync("/api/whatif", Http.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var quality = (await response.ReadJsonAsync()).GetProperty("thresholds").GetProperty("quality");
        return (quality.GetProperty("status").GetString(), quality.GetProperty("evidence").GetString());
    }
}
