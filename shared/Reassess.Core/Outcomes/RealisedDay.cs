using Reassess.Core.Decisions;
using Reassess.Core.Prices;
using Reassess.Core.Usage;

namespace Reassess.Core.Outcomes;

/// <summary>
/// One day of a workload since its decision, priced: every model's calls at that model's price in force that day
/// (<see cref="CallCost"/>, as the engine prices a call, from the day's own tokens per call), the same calls and tokens
/// on the old baseline (the counterfactual; a fine-tune's calls with the baseline's forecast tokens per call), both again at the forecast's prices (which separates what the prices did
/// from what the tokens did), and the hosting billed that day.
/// </summary>
/// <remarks>
/// A day is left out, and named, when any of its usage has no call count (tokens per call, and so the price of a call
/// with long-context tiers, are unknown) or no price in force: an unpriced day is an evidence gap, never a zero.
/// </remarks>
internal sealed record RealisedDay
{
    public required DateOnly Day { get; init; }
    public long Calls { get; init; }

    /// <summary>Calls on the model chosen: none means the change has not shown in the usage yet.</summary>
    public long NewModelCalls { get; init; }

    /// <summary>Σ calls·cost(P_day(model)): what the calls cost in tokens.</summary>
    public decimal Realised { get; init; }

    /// <summary>Σ calls·cost(P_day(baseline)): what the same calls and tokens would have cost on the old baseline.</summary>
    public decimal Counterfactual { get; init; }

    /// <summary>Σ calls·cost(P_forecast(model)): the day's tokens at the forecast's prices.</summary>
    public decimal RealisedAtForecastPrices { get; init; }

    /// <summary>Σ calls·cost(P_forecast(baseline)).</summary>
    public decimal CounterfactualAtForecastPrices { get; init; }

    /// <summary>hostingPerHour·24 for each hosted model that day (the chosen one every day: it is billed idle or not).</summary>
    public decimal Hosting { get; init; }

    /// <summary>Why the day is left out ("no call count", "no price in force for …"); null when it is priced.</summary>
    public string? LeftOut { get; init; }

    public const decimal HoursPerDay = 24m;

    public static RealisedDay Price(
        DateOnly day, IReadOnlyList<DailyUsage> rows, Forecast forecast, PriceBook prices, PriceBook forecastPrices, bool batch)
    {
        var resolved = rows.Where(r => r.ReportsUsage)
            .GroupBy(r => r.Model, StringComparer.OrdinalIgnoreCase)
            .Select(g => SourcePrecedence.Resolve(g.ToList()).Row)
            .OrderBy(r => r.Model, StringComparer.Ordinal)
            .ToList();
        var result = new RealisedDay { Day = day, Hosting = HostingOf(prices.Find(forecast.Model)) };

        if (resolved.Any(r => !r.HasCallCount)) return result with { LeftOut = "no call count" };
        if (resolved.Count == 0) return result;

        var baseline = prices.Find(forecast.BaselineModel);
        var unpriced = resolved.Select(r => r.Model).Where(m => prices.Find(m) is null).ToList();
        if (baseline is null) unpriced.Insert(0, forecast.BaselineModel);
        if (unpriced.Count > 0) return result with { LeftOut = $"no price in force for {string.Join(", ", unpriced.Distinct())}" };

        // Without a forecast price (a model the assessment never priced) a model is taken at the day's price: its
        // whole cost difference is then read as tokens, not prices.
        var baselineThen = forecastPrices.Find(forecast.BaselineModel) ?? baseline!;
        foreach (var row in resolved)
        {
            var price = prices.Find(row.Model)!;
            var mix = MixOf(row);
            var without = CounterfactualMix(row, mix, forecast);
            result = result with
            {
                Calls = result.Calls + row.Calls,
                NewModelCalls = result.NewModelCalls + (IsNewModel(row, forecast) ? row.Calls : 0),
                Realised = result.Realised + row.Calls * CallCost.Of(price, mix, batch),
                Counterfactual = result.Counterfactual + row.Calls * CallCost.Of(baseline!, without, batch),
                RealisedAtForecastPrices = result.RealisedAtForecastPrices + row.Calls * CallCost.Of(forecastPrices.Find(row.Model) ?? price, mix, batch),
                CounterfactualAtForecastPrices = result.CounterfactualAtForecastPrices + row.Calls * CallCost.Of(baselineThen, without, batch),
                Hosting = result.Hosting + (IsNewModel(row, forecast) ? 0m : HostingOf(price)),
            };
        }

        return result;
    }

    /// <summary>
    /// The tokens a call would take on the old baseline: its own, except on a fine-tune, whose prompt is shorter by
    /// design (the instructions and examples it learnt); without them the baseline would look cheaper than it was, so
    /// its calls take the forecast's baseline tokens per call.
    /// </summary>
    private static TokenMix CounterfactualMix(DailyUsage row, TokenMix mix, Forecast forecast) =>
        forecast.Action == DecisionAction.FineTune && IsNewModel(row, forecast) ? forecast.TokensPerCall : mix;

    private static bool IsNewModel(DailyUsage row, Forecast forecast) =>
        string.Equals(row.Model, forecast.Model, StringComparison.OrdinalIgnoreCase);

    private static decimal HostingOf(PriceRecord? price) => (price?.HostingPerHour ?? 0m) * HoursPerDay;

    private static TokenMix MixOf(DailyUsage row) => new(
        (decimal)row.UncachedInputTokens / row.Calls, (decimal)row.CachedInputTokens / row.Calls,
        (decimal)row.CacheWriteTokens / row.Calls, (decimal)row.OutputTokens / row.Calls);
}
