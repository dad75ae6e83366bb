using Reassess.Core.Outcomes;
using Reassess.Core.Tests.Decisions;
using static Reassess.Core.Tests.Outcomes.OutcomeFixtures;

namespace Reassess.Core.Tests.Outcomes;

public class SavingsVarianceTests
{
    /// <summary>Volume, tokens, a price move on both sides and a route split, varied together: the parts still add up to the cent.</summary>
    [Theory]
    [InlineData(31_111, 1_913, 517, 287, 1.37, 0.91)]
    [InlineData(52_345, 2_400, 0, 333, 2.21, 1.00)]
    [InlineData(7, 1, 1, 1, 0.50, 0.33)]
    [InlineData(40_000, 2_000, 500, 300, 1.00, 1.00)]
    public void The_four_parts_always_sum_to_the_total(long calls, long uncached, long cached, long output, double baselineFactor, double altFactor)
    {
        var from = new DateTimeOffset(Decided.AddDays(10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        decimal b = (decimal)baselineFactor, a = (decimal)altFactor;
        var moved = new[]
        {
            WorkedExample2.Gpt41 with { InputPerMTok = 2.00m * b, CachedInputPerMTok = 0.50m * b, OutputPerMTok = 8.00m * b, EffectiveFrom = from },
            WorkedExample2.Nano with { InputPerMTok = 0.10m * a, OutputPerMTok = 0.40m * a, HostingPerHour = 0.37m, EffectiveFrom = from },
        };
        var usage = Daily(WorkedExample2.Nano.Key, calls, uncached, cached, output)
            .Concat(Daily(WorkedExample2.Gpt41.Key, calls / 3 + 1, uncached + 17, cached, output + 3)).ToList();

        var outcome = Outcome(ForecastOf(DecisionAction.Route, WorkedExample2.Nano.Key), usage, prices: [.. PriceList, .. moved]);

        var v = outcome.Variance!;
        Assert.Equal(outcome.MonthlyNetSavings!.Value - outcome.ForecastMonthlyNetSavings, v.Volume + v.Tokens + v.Prices + v.Fixed);
        Assert.All(v.Parts(), p => Assert.Equal(p.Amount, Math.Round(p.Amount, 2)));
    }
}
