using Reassess.Core.Decisions;

namespace Reassess.Core.Outcomes;

/// <summary>
/// An outcome in one line. <c>on track</c> when realised monthly savings are within ±10% of the forecast's;
/// otherwise <c>behind:</c> naming the variance part that took the most, or <c>ahead:</c> the part that added the most.
/// Volume is told as calls against the forecast's calls (<c>volume 30% under forecast</c>); the other parts as a share of
/// the forecast's monthly savings (<c>prices took 45% of forecast savings</c>). Once the cumulative savings cover the
/// build cost, <c>paid back in month N</c> comes first.
/// </summary>
public static class OutcomeVerdict
{
    /// <summary>Within this share of the forecast's savings, an outcome is on track.</summary>
    public const decimal Tolerance = 0.10m;

    public static string For(Outcome outcome, RealisedRates rates)
    {
        var variance = outcome.Variance!;
        var forecast = outcome.Forecast;
        var forecastSavings = forecast.MonthlyNetSavings;
        var paid = outcome.PaybackMonth is { } month ? $"paid back in month {month}" : null;
        var total = variance.Total;
        string? track = Math.Abs(total) <= Tolerance * Math.Abs(forecastSavings) ? "on track"
            : total < 0 ? "behind: " + Part(variance.Parts().MinBy(p => p.Amount), forecast, rates, forecastSavings)
            : "ahead: " + Part(variance.Parts().MaxBy(p => p.Amount), forecast, rates, forecastSavings);
        return paid is null ? track : track == "on track" ? paid : $"{paid}; {track}";
    }

    private static string Part((string Name, decimal Amount) part, Forecast forecast, RealisedRates rates, decimal forecastSavings)
    {
        if (part.Name == "volume" && forecast.MonthlyCalls > 0)
        {
            var change = rates.MonthlyCalls / forecast.MonthlyCalls - 1;
            return $"volume {Pct(Math.Abs(change))} {(change < 0 ? "under" : "over")} forecast";
        }

        var share = forecastSavings != 0 ? Pct(Math.Abs(part.Amount / forecastSavings)) : Evidence.Money(Math.Abs(part.Amount)) + " a month";
        return part.Amount < 0 ? $"{part.Name} took {share} of forecast savings" : $"{part.Name} added {share} to forecast savings";
    }

    private static string Pct(decimal share) => Evidence.Number(Math.Round(share * 100m, 1, MidpointRounding.ToEven)) + "%";
}
