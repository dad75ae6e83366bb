using Reassess.Core.Decisions;
using Reassess.Core.Outcomes;
using Reassess.Core.Prices;
using Reassess.Core.Tests.Decisions;
using Reassess.Core.Usage;

namespace Reassess.Core.Tests.Outcomes;

/// <summary>
/// Outcomes of worked example 2's options (docs/decision-engine.md): gpt-4.1 at 2,000 uncached + 500 cached input and
/// 300 output tokens a call, 1,217,500 calls a month (40,000 a day), b_f = $0.00665. Decided the day after the
/// assessment and looked at 28 days later.
/// </summary>
internal static class OutcomeFixtures
{
    public static readonly DateOnly Decided = new(2026, 11, 24);
    public static readonly DateOnly AsOf = Decided.AddDays(27);

    public static readonly IReadOnlyList<PriceRecord> PriceList =
        [WorkedExample2.Gpt41, WorkedExample2.Mini, WorkedExample2.Nano, WorkedExample2.MiniFineTune];

    /// <summary>gpt-4.1, the old baseline, at half its price from the decision day on.</summary>
    public static PriceRecord Gpt41HalvedFromDecisionDay => WorkedExample2.Gpt41 with
    {
        InputPerMTok = 1.00m, CachedInputPerMTok = 0.25m, OutputPerMTok = 4.00m,
        EffectiveFrom = new DateTimeOffset(Decided.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };

    public static Forecast ForecastOf(DecisionAction action, string model) =>
        Forecast.From(WorkedExample2.Assess(), new WorkloadDecision { Date = Decided, Action = action, Model = model });

    /// <summary>Every day from the decision to <see cref="AsOf"/>: <paramref name="calls"/> calls of the given tokens each.</summary>
    public static IReadOnlyList<DailyUsage> Daily(string model, long calls, long uncached, long cached, long output) =>
        Enumerable.Range(0, 28).Select(i => new DailyUsage
        {
            WorkloadId = "invoice-extraction", Day = Decided.AddDays(i), Source = "openai", Model = model, Calls = calls,
            UncachedInputTokens = calls * uncached, CachedInputTokens = calls * cached, OutputTokens = calls * output,
        }).ToList();

    /// <summary>The records whose effective date is on or before the day, latest per key.</summary>
    public static Func<DateOnly, PriceBook> InForce(IEnumerable<PriceRecord> records)
    {
        var all = records.ToList();
        return day => new PriceBook(all.Where(r => DateOnly.FromDateTime(r.EffectiveFrom.UtcDateTime) <= day));
    }

    public static Outcome Outcome(Forecast forecast, IReadOnlyList<DailyUsage> usage, decimal? actualBuildCost = null, IEnumerable<PriceRecord>? prices = null) =>
        OutcomeCalculator.Of(new OutcomeRequest
        {
            Forecast = forecast, Usage = usage, AsOf = AsOf, ActualBuildCost = actualBuildCost, PricesOn = InForce(prices ?? PriceList),
        });
}
