using Reassess.Core.Decisions;
using Reassess.Core.Delivery;
using Reassess.Core.Prices;
using Reassess.Core.Tests.Reporting;

namespace Reassess.Core.Tests.Delivery;

public class DeliveryAlertTests
{
    private static IReadOnlyList<DeliveryAlert> PriceAlerts() =>
        DeliveryAlert.FromPriceRefresh(DeliveryFixtures.Alerts(), DeliveryFixtures.Latest(), DeliveryFixtures.Day);

    [Fact]
    public void A_reassessment_that_flipped_becomes_an_alert_for_its_team_with_previous_and_new_verdict()
    {
        var alert = DeliveryAlert.FromReassessment(ReportFixtures.RouteWithFlip())!;

        Assert.Equal(AlertKind.VerdictFlip, alert.Kind);
        Assert.Equal(new DateOnly(2026, 11, 23), alert.Day);
        Assert.Equal(["legal"], alert.Teams);
        Assert.Equal((Verdict.StayOnFrontier, Verdict.Route), (alert.Flip.Previous, alert.Flip.Current));
        Assert.StartsWith("quality threshold Unknown", Assert.Single(alert.Flip.Drivers));
        Assert.StartsWith("flip-20261123-", alert.Id);
    }

    [Fact]
    public void A_reassessment_without_a_flip_raises_no_alert()
    {
        Assert.Null(DeliveryAlert.FromReassessment(ReportFixtures.PrepareWithoutPayback()));
    }

    [Fact]
    public void Alert_ids_are_the_same_on_every_call_for_the_same_event_and_day()
    {
        var first = PriceAlerts().Select(a => a.Id).ToList();
        var again = PriceAlerts().Select(a => a.Id).ToList();
        var flip = DeliveryAlert.FromReassessment(ReportFixtures.RouteWithFlip())!.Id;

        Assert.Equal(first, again);
        Assert.Equal(flip, DeliveryAlert.FromReassessment(ReportFixtures.RouteWithFlip())!.Id);
        Assert.Matches("^price-change-20261124-[0-9a-f]{16}$", first[0]);
        Assert.Matches("^stale-source-20261124-[0-9a-f]{16}$", first[1]);
    }

    [Fact]
    public void Alert_ids_differ_for_another_event_another_day_or_another_kind()
    {
        var change = new PriceChangeAlert { Day = DeliveryFixtures.Day, Change = DeliveryFixtures.GptMiniChange() };
        var ids = new[]
        {
            change.Id,
            (change with { Day = DeliveryFixtures.Day.AddDays(1) }).Id,
            (change with { Change = DeliveryFixtures.GptMiniChange() with { After = 6m } }).Id,
            (change with { Change = DeliveryFixtures.GptMiniChange() with { Key = "openai/gpt-4.1-mini" } }).Id,
            new StaleSourceAlert { Day = DeliveryFixtures.Day, Source = DeliveryFixtures.StaleGenaiPrices() }.Id,
            DeliveryAlert.FromReassessment(ReportFixtures.RouteWithFlip())!.Id,
            DeliveryAlert.FromReassessment(ReportFixtures.FineTuneWithFlip())!.Id,
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void A_price_change_touches_the_teams_whose_baseline_or_candidate_is_that_model()
    {
        // openai/gpt-4.1 is the baseline of contract-review (legal) and of xss-probe (search).
        var change = Assert.IsType<PriceChangeAlert>(PriceAlerts()[0]);

        Assert.Equal(["legal", "search"], change.Teams);
        Assert.True(change.Touches("legal"));
        Assert.False(change.Touches("billing"));
        Assert.Equal("+150.0%", change.ChangeText);
    }

    [Fact]
    public void A_price_change_of_a_candidate_model_touches_its_team_whatever_the_case_of_the_key()
    {
        var candidate = DeliveryFixtures.GptMiniChange() with { Key = "Azure/GPT-4.1-mini-ft" };
        var alerts = DeliveryAlert.FromPriceRefresh(new PriceAlerts { SuspiciousChanges = [candidate] }, DeliveryFixtures.Latest(), DeliveryFixtures.Day);

        Assert.Equal(["legal"], Assert.Single(alerts).Teams);
    }

    [Fact]
    public void A_price_change_of_a_model_only_offered_as_an_alternative_touches_no_team()
    {
        var nano = DeliveryFixtures.GptMiniChange() with { Key = "openai/gpt-4.1-nano" };
        var alerts = DeliveryAlert.FromPriceRefresh(new PriceAlerts { SuspiciousChanges = [nano] }, DeliveryFixtures.Latest(), DeliveryFixtures.Day);

        Assert.Empty(Assert.Single(alerts).Teams);
    }

    [Fact]
    public void A_stale_source_touches_the_teams_whose_baseline_or_candidate_price_came_from_it()
    {
        // genai-prices priced the baselines of clause-tagging (legal) and invoice-extract (billing).
        var stale = Assert.IsType<StaleSourceAlert>(PriceAlerts()[1]);

        Assert.Equal(["billing", "legal"], stale.Teams);
        Assert.Equal(AlertKind.StalePriceSource, stale.Kind);
    }

    [Fact]
    public void Source_disagreements_raise_no_alert()
    {
        var disagreement = new PriceDisagreement("openai/gpt-4.1", "input", "litellm", 2m, "openrouter", 2.2m, 10m);

        Assert.Empty(DeliveryAlert.FromPriceRefresh(new PriceAlerts { Disagreements = [disagreement] }, DeliveryFixtures.Latest(), DeliveryFixtures.Day));
    }
}
