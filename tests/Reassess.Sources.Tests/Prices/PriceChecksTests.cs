using Reassess.Core.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>The rules every price passes before storage, and the alerts a refresh raises.</summary>
public sealed class PriceChecksTests
{
    private static readonly DateTimeOffset Nov23 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static PriceRecord Price(string key = "openai/gpt-4o", decimal? input = 2.5m, decimal? output = 10m, string source = "genai-prices") =>
        new() { Key = key, Provider = key.Split('/')[0], Model = key.Split('/', 2)[1], InputPerMTok = input, OutputPerMTok = output, Source = source };

    [Theory]
    [InlineData(-0.01, null, "inputPerMTok -0.01 is negative")]
    [InlineData(1500.0, null, "inputPerMTok 1500 is over $1,000 per 1M tokens")]
    [InlineData(null, 1000.5, "hostingPerHour 1000.5 is over $1,000 per hour")]
    public void Negative_or_implausible_prices_are_refused_with_the_reason(double? input, double? hosting, string reason)
    {
        var record = Price(input: (decimal?)input) with { HostingPerHour = (decimal?)hosting };

        Assert.Contains(reason, PricePlausibility.Problem(record));
    }

    [Fact]
    public void Zero_and_a_thousand_are_plausible()
    {
        Assert.Null(PricePlausibility.Problem(Price(input: 0m, output: 1000m) with { HostingPerHour = 1000m }));
    }

    [Fact]
    public void A_tier_is_checked_like_a_price()
    {
        var record = Price() with { Tiers = PriceTiers.Of([new PriceTier(PriceNames.Input, 200_000, 6000m)]) };

        Assert.Equal("inputPerMTok above 200,000 tokens 6000 is over $1,000 per 1M tokens, which no model costs; check the unit (per token, per 1K or per 1M)",
            PricePlausibility.Problem(record));
    }

    [Fact]
    public void A_move_of_more_than_half_is_suspicious_with_both_values_and_both_sources()
    {
        var before = Price(input: 2.5m, output: 10m, source: "genai-prices");
        var after = Price(input: 0.25m, output: 11m, source: "litellm") with { EffectiveFrom = Nov23 };

        var change = Assert.Single(PriceAlertRules.SuspiciousChanges([(before, after)]));

        Assert.Equal(new SuspiciousPriceChange("openai/gpt-4o", PriceNames.Input, 2.5m, "genai-prices", 0.25m, "litellm", Nov23, -90m), change);
    }

    [Fact]
    public void A_price_that_was_free_and_is_no_longer_is_suspicious_without_a_percentage()
    {
        var change = Assert.Single(PriceAlertRules.SuspiciousChanges([(Price(input: 0m), Price(input: 1m))]));

        Assert.Null(change.ChangePct);
    }

    [Fact]
    public void Sources_more_than_five_percent_apart_on_a_key_are_reported_against_the_price_in_force()
    {
        var genai = new[] { Price(input: 2.5m, output: 10m) };
        var litellm = new[] { Price(input: 2.5m, output: 10.4m, source: "litellm"), Price("openai/o1", 15m, 60m, "litellm") };
        var openrouter = new[] { Price(input: 2.75m, output: 10m, source: "openrouter") };

        var disagreements = PriceAlertRules.Disagreements([genai, litellm, openrouter]);

        var only = Assert.Single(disagreements);
        Assert.Equal(new PriceDisagreement("openai/gpt-4o", PriceNames.Input, "genai-prices", 2.5m, "openrouter", 2.75m, 10m), only);
    }

    [Fact]
    public void Merging_alerts_twice_gives_the_same_alerts()
    {
        var alerts = new PriceAlerts { StaleSources = [new StalePriceSource("litellm", new DateOnly(2026, 7, 24), "old")] };

        Assert.Equal(alerts.StaleSources, alerts.Merge(alerts).StaleSources);
    }
}
