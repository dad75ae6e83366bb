using Reassess.Core.Decisions;

namespace Reassess.Core.Outcomes;

/// <summary>
/// "Did it pay?": a decision's forecast against what happened since, as of a day.
/// <list type="bullet">
/// <item>Every day from the decision to the as-of day is priced (<see cref="RealisedDay"/>): realised <c>R_d</c>,
/// counterfactual <c>B_d</c> (the same calls and tokens on the old baseline at that day's prices), hosting <c>H_d</c>.</item>
/// <item>Run rate over the last <see cref="RateWindowDays"/> priced days (<c>n</c> of them):
/// <c>C_r = Σcalls·30.4375/n</c>, <c>b_r = ΣB_d/Σcalls</c>, <c>c_r = ΣR_d/Σcalls</c>,
/// <c>F_r = ΣH_d·30.4375/n + O</c> with <c>O</c> the other fixed costs (given, else <c>F_f − H_f</c>, the forecast's
/// less the chosen model's hosting at the forecast's prices); realised monthly cost <c>C_r·c_r + F_r</c>,
/// counterfactual <c>C_r·b_r</c>, savings <c>S_r = C_r·(b_r − c_r) − F_r</c>.</item>
/// <item>Savings to date <c>Σ_d (B_d − R_d − H_d − O/30.4375) − K</c> over every priced day, with <c>K</c> the actual
/// build cost, else the forecast's; the payback month is the month (of 30.4375 days from the decision) of the first
/// day the cumulative sum reaches <c>K</c>.</item>
/// <item>The variance <c>S_r − S_f</c> in four parts (<see cref="SavingsVariance"/>) and a one-line verdict
/// (<see cref="OutcomeVerdict"/>).</item>
/// </list>
/// Until the chosen model has served a call, nothing is computed: savings would be the baseline's cost against itself.
/// </summary>
public static class OutcomeCalculator
{
    /// <summary>The run rate is read over the last four weeks, as the engine reads its usage window.</summary>
    public const int RateWindowDays = 28;

    public static Outcome Of(OutcomeRequest request)
    {
        var forecast = request.Forecast;
        var forecastPrices = request.PricesOn(DateOnly.FromDateTime(forecast.AssessedAt.UtcDateTime));
        var usage = request.Usage.Where(r => r.Day >= forecast.DecisionDate && r.Day <= request.AsOf).ToLookup(r => r.Day);
        var days = new List<RealisedDay>();
        for (var day = forecast.DecisionDate; day <= request.AsOf; day = day.AddDays(1))
            days.Add(RealisedDay.Price(day, usage[day].ToList(), forecast, request.PricesOn(day), forecastPrices, request.Batch));

        var gaps = new List<string>();
        var assumptions = new List<string>();
        var (buildCost, buildSource) = request.ActualBuildCost is { } actual ? ((decimal?)actual, "actual") : (forecast.BuildCost, "forecast");
        if (buildSource == "forecast")
            assumptions.Add(forecast.BuildCost is { } k
                ? $"build cost: no actual cost recorded with the decision; the forecast's {Evidence.Money(k)} is used"
                : "build cost: no actual cost recorded with the decision and the assessment does not tell the forecast's; savings to date and payback are not computed");

        var other = request.OtherFixedMonthlyCost ?? Math.Max(0m, forecast.FixedMonthlyCost - ForecastHosting(forecast, forecastPrices));
        if (request.OtherFixedMonthlyCost is null && other > 0)
            assumptions.Add($"fixed costs: operations, GPUs and retraining are the forecast's {Evidence.Money(other)} a month; no realised figure was given");

        var leftOut = days.Where(d => d.LeftOut is not null).ToList();
        if (leftOut.Any(d => d.LeftOut == "no call count"))
            gaps.Add($"no call count on {Days(leftOut.Where(d => d.LeftOut == "no call count"))}: left out rather than counted as zero calls; add a source with request counts");
        foreach (var unpriced in leftOut.Where(d => d.LeftOut != "no call count").GroupBy(d => d.LeftOut))
            gaps.Add($"{unpriced.Key} on {Days(unpriced)}: those days are left out; add the price to the overrides sheet");

        var priced = days.Where(d => d.LeftOut is null).ToList();
        var outcome = new Outcome
        {
            Forecast = forecast,
            AsOf = request.AsOf,
            ForecastMonthlyNetSavings = SavingsVariance.Cents(forecast.MonthlyNetSavings),
            ForecastPaybackMonths = forecast.PaybackMonths,
            BuildCost = buildCost,
            BuildCostSource = buildSource,
            Verdict = "",
            Assumptions = assumptions,
        };

        if (!priced.Any(d => d.NewModelCalls > 0))
        {
            gaps.Insert(0, $"no usage of {forecast.Model} since {Evidence.Day(forecast.DecisionDate)}: nothing to compare with the forecast yet");
            return outcome with { EvidenceGaps = gaps, Verdict = $"no evidence yet: no usage of {forecast.Model} since {Evidence.Day(forecast.DecisionDate)}" };
        }

        var window = priced.TakeLast(RateWindowDays).ToList();
        var rates = Rates(window, other);
        var (toDate, paybackMonth) = ToDate(priced, forecast.DecisionDate, other, buildCost);
        var variance = SavingsVariance.Of(forecast, rates);
        outcome = outcome with
        {
            RateDays = window.Count,
            MonthlyCalls = Math.Round(rates.MonthlyCalls, 2, MidpointRounding.ToEven),
            MonthlyCost = SavingsVariance.Cents(rates.MonthlyCost),
            CounterfactualMonthlyCost = SavingsVariance.Cents(rates.CounterfactualMonthlyCost),
            MonthlyNetSavings = SavingsVariance.Cents(rates.MonthlyNetSavings),
            SavingsToDate = toDate is { } s ? SavingsVariance.Cents(s) : null,
            PaybackMonth = paybackMonth,
            Variance = variance,
            EvidenceGaps = gaps,
        };
        return outcome with { Verdict = OutcomeVerdict.For(outcome, rates) };
    }

    private static RealisedRates Rates(IReadOnlyList<RealisedDay> window, decimal other)
    {
        var calls = window.Sum(d => d.Calls);
        decimal PerCall(Func<RealisedDay, decimal> cost) => calls > 0 ? window.Sum(cost) / calls : 0m;
        return new RealisedRates(
            MonthlyCalls: calls * Units.DaysPerMonth / window.Count,
            BaselineCostPerCall: PerCall(d => d.Counterfactual),
            NewCostPerCall: PerCall(d => d.Realised),
            BaselineCostPerCallAtForecastPrices: PerCall(d => d.CounterfactualAtForecastPrices),
            NewCostPerCallAtForecastPrices: PerCall(d => d.RealisedAtForecastPrices),
            FixedMonthlyCost: window.Sum(d => d.Hosting) * Units.DaysPerMonth / window.Count + other);
    }

    /// <summary>Savings to date less the build cost, and the month the cumulative savings first reached it (null: not yet, or no build cost known).</summary>
    private static (decimal? ToDate, int? PaybackMonth) ToDate(IReadOnlyList<RealisedDay> priced, DateOnly decisionDate, decimal other, decimal? buildCost)
    {
        if (buildCost is not { } k) return (null, null);
        decimal cumulative = 0;
        int? payback = null;
        foreach (var day in priced)
        {
            cumulative += day.Counterfactual - day.Realised - day.Hosting - other / Units.DaysPerMonth;
            if (payback is null && k > 0 && cumulative >= k)
                payback = (int)Math.Floor((day.Day.DayNumber - decisionDate.DayNumber) / Units.DaysPerMonth) + 1;
        }

        return (cumulative - k, payback);
    }

    /// <summary>H_f: the chosen model's hosting a month at the forecast's prices (already inside F_f).</summary>
    private static decimal ForecastHosting(Forecast forecast, Prices.PriceBook forecastPrices) =>
        forecast.Action == DecisionAction.FineTune ? (forecastPrices.Find(forecast.Model)?.HostingPerHour ?? 0m) * Units.HoursPerMonth : 0m;

    private static string Days(IEnumerable<RealisedDay> days) => string.Join(", ", days.Select(d => Evidence.Day(d.Day)));
}
