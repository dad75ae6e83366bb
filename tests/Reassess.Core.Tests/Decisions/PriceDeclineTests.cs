using Reassess.Core.Decisions;
using Reassess.Core.Prices;

namespace Reassess.Core.Tests.Decisions;

/// <summary>δ from the baseline's price history, weighed by the workload's own cost per call.</summary>
public class PriceDeclineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static PriceRecord Price(decimal input, decimal output, string source = "genai-prices") => new()
    {
        Key = "openai/gpt-4.1", Provider = "openai", Model = "gpt-4.1", InputPerMTok = input, OutputPerMTok = output, Source = source,
    };

    /// <summary>A workload with 3 input tokens for each output token per call, in millions: cost = 3·input + output.</summary>
    private static decimal Cost(PriceRecord p) => 3m * p.InputPerMTok!.Value + p.OutputPerMTok!.Value;

    [Fact]
    public void A_fall_over_six_months_is_the_compound_monthly_rate_of_the_workloads_own_cost()
    {
        // Input halves, output stays: this workload's cost goes 14 → 11 over 6 months (182.625 days).
        var history = new[]
        {
            Price(2m, 8m) with { EffectiveFrom = Now.AddDays(-182.625) },
            Price(1m, 8m) with { EffectiveFrom = Now.AddDays(-30) },
        };

        var (decline, why) = PriceDecline.FromHistory(history, Cost, Now);

        // 1 − (11/14)^(1/6) = 3.94% a month.
        Assert.Equal(0.0394m, decline);
        Assert.Equal("price history: the workload's cost per call 14000000 → 11000000 $ per 1M calls over 6.0 months", why);
    }

    [Fact]
    public void One_price_gives_no_decline_and_says_so()
    {
        var (decline, why) = PriceDecline.FromHistory([Price(2m, 8m) with { EffectiveFrom = Now.AddMonths(-8) }], Cost, Now);

        Assert.Equal((0m, "default 0: one price of the baseline in force over the last 12 months"), (decline, why));
    }

    [Fact]
    public void A_rise_is_not_extrapolated()
    {
        var history = new[] { Price(1m, 4m) with { EffectiveFrom = Now.AddMonths(-6) }, Price(2m, 8m) with { EffectiveFrom = Now.AddMonths(-1) } };

        var (decline, why) = PriceDecline.FromHistory(history, Cost, Now);

        Assert.Equal(0m, decline);
        Assert.StartsWith("price history: the workload's cost per call did not fall", why);
    }

    [Fact]
    public void Prices_less_than_three_months_apart_or_negotiated_give_no_decline()
    {
        var recent = new[] { Price(2m, 8m) with { EffectiveFrom = Now.AddDays(-40) }, Price(1m, 8m) with { EffectiveFrom = Now.AddDays(-5) } };
        var negotiated = new[] { Price(2m, 8m) with { EffectiveFrom = Now.AddMonths(-6) }, Price(1m, 8m, "overrides") with { EffectiveFrom = Now.AddMonths(-1) } };

        Assert.Equal(0m, PriceDecline.FromHistory(recent, Cost, Now).Decline);
        Assert.StartsWith("default 0: the baseline's prices span 1.3 months", PriceDecline.FromHistory(recent, Cost, Now).Why);
        Assert.Equal(0m, PriceDecline.FromHistory(negotiated, Cost, Now).Decline);
    }

    [Fact]
    public void A_price_in_force_when_the_year_began_counts_from_the_start_of_the_year()
    {
        var history = new[] { Price(3m, 12m) with { FetchedAt = Now.AddMonths(-20) }, Price(2.5m, 10m) with { EffectiveFrom = Now.AddMonths(-2) } };

        // 21 → 17.5 over 12 months: 1 − (17.5/21)^(1/12) = 1.51% a month.
        Assert.Equal(0.0151m, PriceDecline.FromHistory(history, Cost, Now).Decline);
    }
}
