using System.Net;
using Reassess.Core.Outcomes;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Pipeline.Outcomes;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>Recording a decision on the sample workload after it was assessed, then asking whether it paid.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DecisionRoutesTests(AzuriteFixture azurite) : IDisposable
{
    private const string Route = "anthropic/claude-3-5-haiku-latest";
    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);
    private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_recorded_route_is_judged_against_the_forecast_of_its_day()
    {
        var client = await AssessedAsync();

        var posted = await client.PostAsync($"/api/workloads/{Seed.WorkloadId}/decisions", Http.Json(RouteDecision()));
        // Since the decision, every call goes to the route's model: 330,000 a day at the same tokens.
        await _app.Context.Usage.UpsertDailyAsync([Usage(_today, Route)]);
        var answer = await (await client.GetAsync($"/api/workloads/{Seed.WorkloadId}/outcome?asOf={_today:yyyy-MM-dd}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var forecast = (await posted.ReadJsonAsync()).GetProperty("forecast");
        Assert.Equal(Route, forecast.GetProperty("model").GetString());
        var outcome = answer.GetProperty("decisions")[0].GetProperty("outcome");
        // C_r = 330,000·30.4375 = 10,044,375; c_r = (400·0.80 + 400·0.08 + 10·4.00)/1M = 0.000392; b_r = 0.00049.
        Assert.Equal(10_044_375m, outcome.GetProperty("monthlyCalls").GetDecimal());
        Assert.Equal(3937.40m, outcome.GetProperty("monthlyCost").GetDecimal());
        Assert.Equal(4921.74m, outcome.GetProperty("counterfactualMonthlyCost").GetDecimal());
        Assert.Equal(984.35m, outcome.GetProperty("monthlyNetSavings").GetDecimal());
        Assert.Equal(1, outcome.GetProperty("rateDays").GetInt32());
        var expected = await ExpectedAsync();
        Assert.Equal(expected.ForecastMonthlyNetSavings, outcome.GetProperty("forecastMonthlyNetSavings").GetDecimal());
        Assert.Equal(expected.Variance!.Total, outcome.GetProperty("variance").GetProperty("total").GetDecimal());
        Assert.Equal(expected.Verdict, answer.GetProperty("decisions")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Editing_the_workload_after_the_decision_does_not_move_its_forecast()
    {
        var client = await AssessedAsync();
        var posted = await (await client.PostAsync($"/api/workloads/{Seed.WorkloadId}/decisions", Http.Json(RouteDecision()))).ReadJsonAsync();

        // The route now pays a router on every call, and the workload is assessed again the same day.
        var read = await (await client.GetAsync($"/api/workloads/{Seed.WorkloadId}")).ReadJsonAsync();
        var workload = System.Text.Json.Nodes.JsonNode.Parse(read.GetRawText())!.AsObject();
        workload["alternatives"]![0]!["routerCostPerCall"] = 0.0001m;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Http.Json(workload.ToJsonString()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/reassess", Http.Json($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""))).StatusCode);
        var listed = await (await client.GetAsync($"/api/workloads/{Seed.WorkloadId}/decisions")).ReadJsonAsync();
        var outcome = await (await client.GetAsync($"/api/workloads/{Seed.WorkloadId}/outcome?asOf={_today:yyyy-MM-dd}")).ReadJsonAsync();

        var recorded = posted.GetProperty("forecast");
        Assert.True(System.Text.Json.JsonElement.DeepEquals(recorded, listed[0].GetProperty("forecast")));
        Assert.True(System.Text.Json.JsonElement.DeepEquals(recorded, outcome.GetProperty("decisions")[0].GetProperty("forecast")));
        // Read afresh, the day's latest assessment would promise less: the stored forecast is what held it still.
        var latest = await _app.Context.Assessments.GetLatestAsync(Seed.WorkloadId);
        var fresh = Forecast.From(latest!, new WorkloadDecision { Date = _today, Action = DecisionAction.Route, Model = Route });
        Assert.NotEqual(recorded.GetProperty("newCostPerCall").GetDecimal(), fresh.NewCostPerCall);
    }

    [Fact]
    public async Task A_bad_decision_is_a_400_naming_its_fields()
    {
        var client = await WorkloadAsync();

        var badModel = await client.PostAsync($"/api/workloads/{Seed.WorkloadId}/decisions",
            Http.Json("""{"date": "2026-11-20", "action": "route", "model": "haiku", "buildCost": -5}"""));
        var badDate = await client.PostAsync($"/api/workloads/{Seed.WorkloadId}/decisions",
            Http.Json("""{"date": "someday", "action": "stay", "model": "anthropic/claude-haiku-4-5"}"""));
        var noAction = await client.PostAsync($"/api/workloads/{Seed.WorkloadId}/decisions",
            Http.Json("""{"date": "2026-11-20", "model": "anthropic/claude-haiku-4-5"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, badModel.StatusCode);
        var (field, detail) = await badModel.ReadProblemAsync();
        Assert.Equal("model", field);
        Assert.Contains("buildCost:", detail);
        Assert.Equal(("date", HttpStatusCode.BadRequest), ((await badDate.ReadProblemAsync()).Field, badDate.StatusCode));
        Assert.Equal("action", (await noAction.ReadProblemAsync()).Field);
        var stored = await (await client.GetAsync($"/api/workloads/{Seed.WorkloadId}")).ReadJsonAsync();
        Assert.Equal(0, stored.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_workload_is_a_404()
    {
        var client = _app.KeyedClient();

        var posted = await client.PostAsync("/api/workloads/nobody/decisions", Http.Json(RouteDecision()));
        var outcome = await client.GetAsync("/api/workloads/nobody/outcome");

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outcome.StatusCode);
    }

    [Fact]
    public async Task A_decision_before_any_assessment_is_an_evidence_gap()
    {
        var client = await WorkloadAsync();

        var posted = await client.PostAsync($"/api/workloads/{Seed.WorkloadId}/decisions", Http.Json(RouteDecision()));
        var answer = await (await client.GetAsync($"/api/workloads/{Seed.WorkloadId}/outcome?asOf={_today:yyyy-MM-dd}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var decision = answer.GetProperty("decisions")[0];
        Assert.Contains("no assessment", decision.GetProperty("evidenceGaps")[0].GetString());
        Assert.False(decision.TryGetProperty("outcome", out var outcome) && outcome.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    private string RouteDecision() => $$"""{"date": "{{_today:yyyy-MM-dd}}", "action": "route", "model": "{{Route}}", "note": "cheaper, same scores"}""";

    private async Task<HttpClient> WorkloadAsync()
    {
        var client = _app.KeyedClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Http.Json(Seed.WorkloadJson().ToJsonString()))).StatusCode);
        return client;
    }

    /// <summary>The sample workload with its prices (the route's model's too) and usage, assessed now: there is a forecast.</summary>
    private async Task<HttpClient> AssessedAsync()
    {
        var client = await WorkloadAsync();
        await Seed.PricesAndUsageAsync(_app.Context);
        await _app.Context.Prices.StoreChangesAsync([new PriceRecord
        {
            Key = Route, Provider = "anthropic", Model = "claude-3-5-haiku-latest",
            InputPerMTok = 0.80m, CachedInputPerMTok = 0.08m, OutputPerMTok = 4.00m, Source = "test",
        }]);
        var reassessed = await client.PostAsync("/api/reassess", Http.Json($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""));
        Assert.Equal(HttpStatusCode.OK, reassessed.StatusCode);
        return client;
    }

    /// <summary>The outcome <see cref="OutcomeCalculator"/> gives on the same inputs as the route answered from.</summary>
    private async Task<Outcome> ExpectedAsync()
    {
        var context = _app.Context;
        var decision = new WorkloadDecision { Date = _today, Action = DecisionAction.Route, Model = Route };
        var assessment = await context.Assessments.GetLatestAsync(Seed.WorkloadId);
        var prices = await PriceTimeline.ReadAsync(context, CancellationToken.None);
        return OutcomeCalculator.Of(new OutcomeRequest
        {
            Forecast = Forecast.From(assessment!, decision),
            Usage = await context.Usage.GetDailyAsync(Seed.WorkloadId, _today, _today),
            PricesOn = prices.On,
            AsOf = _today,
        });
    }

    private static DailyUsage Usage(DateOnly day, string model, long calls = 330_000) => new()
    {
        WorkloadId = Seed.WorkloadId, Day = day, Source = "test", Model = model,
        Calls = calls, UncachedInputTokens = 400L * calls, CachedInputTokens = 400L * calls, OutputTokens = 10L * calls,
        LatencyP95Ms = 640, FormatChecked = 4_000, FormatViolations = 36,
    };
}
