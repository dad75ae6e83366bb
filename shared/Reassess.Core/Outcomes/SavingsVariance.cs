namespace Reassess.Core.Outcomes;

/// <summary>
/// Realised monthly savings minus the forecast's, <c>S_r − S_f</c> with <c>S = C·(b − c) − F</c>, split into four parts
/// taken one after the other, so that together they are the whole difference:
/// <code>
/// volume = (C_r − C_f)·(b_f − c_f)                    more or fewer calls at the forecast's saving per call
/// tokens = C_r·[(b* − b_f) − (c* − c_f)]              the realised tokens per call, at the forecast's prices
/// prices = C_r·[(b_r − b*) − (c_r − c*)]              the same tokens at the prices in force each day instead
/// fixed  = −(F_r − F_f)                               hosting, GPUs, operations and retraining
/// </code>
/// where <c>b*</c> and <c>c*</c> are the realised calls' tokens at the forecast's prices (<c>b</c> on the old baseline,
/// <c>c</c> on what actually served them). Tokens come before prices because the forecast's prices can be applied to
/// any day's tokens, while the forecast's tokens on the new model are not kept (a fine-tune's shorter prompt).
/// </summary>
/// <remarks>
/// Each part is rounded to the cent; what rounding loses (a few cents at most) goes to the largest part, so the four
/// reported parts add up exactly to the reported total, <c>round(S_r) − round(S_f)</c>.
/// </remarks>
public sealed record SavingsVariance(decimal Volume, decimal Tokens, decimal Prices, decimal Fixed)
{
    public decimal Total => Volume + Tokens + Prices + Fixed;

    /// <summary>The parts by name, in the order they are taken.</summary>
    public IEnumerable<(string Name, decimal Amount)> Parts()
    {
        yield return ("volume", Volume);
        yield return ("tokens per call", Tokens);
        yield return ("prices", Prices);
        yield return ("fixed costs", Fixed);
    }

    /// <param name="realised">C_r, b_r, c_r, F_r and b*, c* as defined above, unrounded.</param>
    public static SavingsVariance Of(Forecast forecast, RealisedRates realised)
    {
        var (cf, bf, nf, ff) = (forecast.MonthlyCalls, forecast.BaselineCostPerCall, forecast.NewCostPerCall, forecast.FixedMonthlyCost);
        var (cr, br, nr, fr) = (realised.MonthlyCalls, realised.BaselineCostPerCall, realised.NewCostPerCall, realised.FixedMonthlyCost);
        var (bStar, nStar) = (realised.BaselineCostPerCallAtForecastPrices, realised.NewCostPerCallAtForecastPrices);

        decimal[] parts =
        [
            (cr - cf) * (bf - nf),
            cr * ((bStar - bf) - (nStar - nf)),
            cr * ((br - bStar) - (nr - nStar)),
            -(fr - ff),
        ];
        var total = Cents(realised.MonthlyNetSavings) - Cents(forecast.MonthlyNetSavings);
        var rounded = parts.Select(Cents).ToArray();
        var largest = Array.IndexOf(rounded, rounded.MaxBy(Math.Abs));
        rounded[largest] += total - rounded.Sum();
        return new SavingsVariance(rounded[0], rounded[1], rounded[2], rounded[3]);
    }

    internal static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.ToEven);
}

/// <summary>
/// The realised run rate over the outcome's window: monthly calls <c>C_r</c>, per call on the old baseline <c>b_r</c>
/// (the counterfactual) and as served <c>c_r</c> at the prices in force each day, the same at the forecast's prices
/// (<c>b*</c>, <c>c*</c>), and the fixed monthly costs <c>F_r</c>.
/// </summary>
public sealed record RealisedRates(
    decimal MonthlyCalls,
    decimal BaselineCostPerCall,
    decimal NewCostPerCall,
    decimal BaselineCostPerCallAtForecastPrices,
    decimal NewCostPerCallAtForecastPrices,
    decimal FixedMonthlyCost)
{
    /// <summary>S_r = C_r·(b_r − c_r) − F_r.</summary>
    public decimal MonthlyNetSavings => MonthlyCalls * (BaselineCostPerCall - NewCostPerCall) - FixedMonthlyCost;

    /// <summary>C_r·c_r + F_r: what the workload costs a month as it runs now.</summary>
    public decimal MonthlyCost => MonthlyCalls * NewCostPerCall + FixedMonthlyCost;

    /// <summary>C_r·b_r: what the same calls would cost a month on the old baseline.</summary>
    public decimal CounterfactualMonthlyCost => MonthlyCalls * BaselineCostPerCall;
}
