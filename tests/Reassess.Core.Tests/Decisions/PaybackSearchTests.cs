using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

/// <summary>The sensitivity search's shortcut must answer exactly what the full payback walk answers.</summary>
public class PaybackSearchTests
{
    private static CostModel Model(decimal growth, decimal decline, decimal build = 30_000m) => new()
    {
        BaselineCostPerCall = 0.0021m,
        CandidateCostPerCall = 0.0003m,
        FixedMonthlyWithoutGpus = 1_100m,
        GpuHourly = 1.1m,
        MinimumGpus = 1,
        CallsPerGpuHour = 40_000m,
        BuildCost = build,
        MonthlyRetrainCost = 666.67m,
        MonthlyPriceDecline = decline,
        MonthlyVolumeGrowth = growth,
    };

    public static TheoryData<decimal, decimal> Trends() => new()
    {
        { 0m, 0m }, { 0m, 0.012m }, { -0.03m, 0.02m }, { 0.02m, 0m }, { 0.05m, 0.03m }, { -0.01m, -0.01m },
    };

    [Theory]
    [MemberData(nameof(Trends))]
    public void Paying_back_within_a_limit_agrees_with_the_payback_walk_at_every_volume_and_price(decimal growth, decimal decline)
    {
        var model = Model(growth, decline);
        foreach (var calls in new[] { 0m, 1_000m, 500_000m, 1_200_000m, 1_650_000m, 2_000_000m, 5_000_000m, 50_000_000m, 9_000_000_000m })
        foreach (var factor in new[] { 0.1m, 0.5m, 1m, 1.3m, 4m })
        foreach (var limit in new[] { 1m, 6m, 12m, 36m, 120m })
        {
            var payback = model.PaybackMonths(calls, factor);
            Assert.True(model.PaysBackWithin(calls, factor, limit) == (payback is { } p && p <= limit),
                $"calls {calls}, price factor {factor}, limit {limit}: payback {payback?.ToString() ?? "none"}");
        }
    }

    [Fact]
    public void Savings_that_can_only_shrink_stop_the_search_with_no_payback()
    {
        // Below the volume floor with no growth, every month loses money: no payback at all, not one after 120 months.
        Assert.Null(Model(growth: 0m, decline: 0.01m).PaybackMonths(100_000m));
        Assert.Equal(0m, Model(growth: 0m, decline: 0m, build: 0m).PaybackMonths(100_000m));
    }

    [Fact]
    public void Growth_can_still_bring_payback_after_losing_months()
    {
        // 3% growth a month turns a losing volume into a payback: the shortcut must not stop growing workloads early.
        var payback = Model(growth: 0.03m, decline: 0m).PaybackMonths(600_000m);
        Assert.NotNull(payback);
        Assert.InRange(payback!.Value, 24m, 120m);
    }
}
