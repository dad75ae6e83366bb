using System.Text.Json;
using Reassess.Core.Delivery;
using Reassess.Core.Tests.Reporting;

namespace Reassess.Core.Tests.Delivery;

public class JsonWebhookPayloadTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_weekly_payload_names_its_schema_kind_week_and_team()
    {
        var root = Parse(JsonWebhookPayload.Render(DeliveryFixtures.Legal()));

        Assert.Equal("reassess.delivery/v1", root.GetProperty("schema").GetString());
        Assert.Equal("weekly", root.GetProperty("kind").GetString());
        Assert.Equal("2026-W48", root.GetProperty("week").GetString());
        Assert.Equal("2026-11-23T06:00:00Z", root.GetProperty("asOf").GetString());
        Assert.Equal("legal", root.GetProperty("team").GetString());
        Assert.Equal(DeliveryFixtures.ReportLink.AbsoluteUri, root.GetProperty("links").GetProperty("report").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("links").GetProperty("financeCsv").ValueKind);
    }

    [Fact]
    public void Counts_are_per_verdict_and_money_is_numbers_to_the_cent()
    {
        var json = JsonWebhookPayload.Render(DeliveryFixtures.Legal());
        var root = Parse(json);

        var counts = root.GetProperty("counts");
        Assert.Equal((2, 1, 0, 1, 0, 2), (counts.GetProperty("workloads").GetInt32(), counts.GetProperty("fineTune").GetInt32(),
            counts.GetProperty("prepareFineTune").GetInt32(), counts.GetProperty("route").GetInt32(),
            counts.GetProperty("stayOnFrontier").GetInt32(), counts.GetProperty("flips").GetInt32()));
        var money = root.GetProperty("money");
        Assert.Equal(JsonValueKind.Number, money.GetProperty("baselineMonthlyCost").ValueKind);
        Assert.Equal(12_570.69m, money.GetProperty("baselineMonthlyCost").GetDecimal());
        Assert.Equal(9_181.20m, money.GetProperty("projectedMonthlySavings").GetDecimal());
        Assert.Equal(80_174.35m, money.GetProperty("chosenHorizonNet").GetDecimal());
        Assert.Contains("\"projectedMonthlySavings\":9181.20", json);
    }

    [Fact]
    public void Items_carry_flips_actions_fragile_verdicts_and_evidence_gaps()
    {
        var root = Parse(JsonWebhookPayload.Render(DeliveryFixtures.Legal()));

        var flip = root.GetProperty("flips")[0];
        Assert.Equal("clause-tagging", flip.GetProperty("workloadId").GetString());
        Assert.Equal("StayOnFrontier", flip.GetProperty("previousVerdict").GetString());
        Assert.Equal("FineTune", flip.GetProperty("verdict").GetString());
        Assert.Equal(2, flip.GetProperty("drivers").GetArrayLength());
        Assert.True(flip.GetProperty("fragile").GetBoolean());
        var action = root.GetProperty("actions")[0];
        Assert.Equal("Route", action.GetProperty("verdict").GetString());
        Assert.Equal("Switch all calls to openai/gpt-4.1-mini", action.GetProperty("action").GetString());
        Assert.Equal(77_725.20m, action.GetProperty("horizonNet").GetDecimal());
        Assert.Equal(12, action.GetProperty("horizonMonths").GetInt32());
        Assert.Equal(0m, action.GetProperty("paybackMonths").GetDecimal());
        Assert.Equal(11.1m, root.GetProperty("actions")[1].GetProperty("paybackMonths").GetDecimal());
        Assert.Equal("fragile (margin 4.6%)", root.GetProperty("fragile")[0].GetProperty("margin").GetString());
        Assert.Equal("contract-review", root.GetProperty("evidenceGaps")[0].GetProperty("workloadId").GetString());
    }

    [Fact]
    public void Every_action_of_a_big_team_is_listed()
    {
        var root = Parse(JsonWebhookPayload.Render(DeliveryFixtures.BigTeam()));

        Assert.Equal(300, root.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public void Hostile_names_stay_data()
    {
        var json = JsonWebhookPayload.Render(DeliveryFixtures.Search());

        Assert.DoesNotContain("<script>", json);
        Assert.Contains(Parse(json).GetProperty("evidenceGaps").EnumerateArray(), g => g.GetProperty("workloadName").GetString() == ReportFixtures.HostileName);
    }

    [Fact]
    public void A_finance_payload_has_the_trend_teams_and_both_links()
    {
        var root = Parse(JsonWebhookPayload.Render(DeliveryFixtures.Finance()));

        Assert.Equal("finance", root.GetProperty("kind").GetString());
        Assert.False(root.TryGetProperty("team", out _));
        Assert.Equal(19_971.13m, root.GetProperty("money").GetProperty("baselineMonthlyCost").GetDecimal());
        var trend = root.GetProperty("spendTrend");
        Assert.Equal(12, trend.GetArrayLength());
        Assert.Equal("2026-W48", trend[11].GetProperty("week").GetString());
        Assert.Equal(19_971.13m, trend[11].GetProperty("monthlySpend").GetDecimal());
        Assert.Equal(JsonValueKind.Null, trend[0].GetProperty("monthlySpend").ValueKind);
        Assert.Equal("legal", root.GetProperty("teams")[0].GetProperty("team").GetString());
        Assert.Equal(1, root.GetProperty("teams")[0].GetProperty("counts").GetProperty("route").GetInt32());
        Assert.Equal(DeliveryFixtures.FinanceLink.AbsoluteUri, root.GetProperty("links").GetProperty("financeCsv").GetString());
    }

    [Fact]
    public void An_alert_payload_carries_its_id_type_day_teams_and_event()
    {
        var alerts = DeliveryAlert.FromPriceRefresh(DeliveryFixtures.Alerts(), DeliveryFixtures.Latest(), DeliveryFixtures.Day);
        var root = Parse(JsonWebhookPayload.Render(alerts[0], null));

        Assert.Equal("alert", root.GetProperty("kind").GetString());
        Assert.Equal("2026-W48", root.GetProperty("week").GetString());
        var alert = root.GetProperty("alert");
        Assert.Equal(alerts[0].Id, alert.GetProperty("id").GetString());
        Assert.Equal("suspiciousPriceChange", alert.GetProperty("type").GetString());
        Assert.Equal("2026-11-24", alert.GetProperty("day").GetString());
        Assert.Equal(["legal", "search"], alert.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("openai/gpt-4.1", alert.GetProperty("key").GetString());
        Assert.Equal((2m, 5m, 150m), (alert.GetProperty("before").GetDecimal(), alert.GetProperty("after").GetDecimal(), alert.GetProperty("changePct").GetDecimal()));

        var stale = Parse(JsonWebhookPayload.Render(alerts[1], null)).GetProperty("alert");
        Assert.Equal("stalePriceSource", stale.GetProperty("type").GetString());
        Assert.Equal(("genai-prices", "2026-11-01"), (stale.GetProperty("source").GetString(), stale.GetProperty("since").GetString()));

        var flip = Parse(JsonWebhookPayload.Render(DeliveryAlert.FromReassessment(ReportFixtures.RouteWithFlip())!, null)).GetProperty("alert");
        Assert.Equal("verdictFlip", flip.GetProperty("type").GetString());
        Assert.Equal(("StayOnFrontier", "Route"), (flip.GetProperty("previousVerdict").GetString(), flip.GetProperty("verdict").GetString()));
    }
}
