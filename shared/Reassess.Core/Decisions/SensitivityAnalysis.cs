namespace Reassess.Core.Decisions;

/// <summary>
/// Where the volume threshold changes state: the monthly volume, and the change in the frontier price, found by
/// bisection between the two ends of a range. Null when both ends are in the same state. The margin is how far the
/// nearer of the two is: <c>min(|flipMonthlyCalls/C − 1|, |flipBaselinePriceChangePct|/100)</c>; a verdict with a
/// margin under 10% is fragile (a 10% move in volume or frontier price would change it).
/// </summary>
public static class SensitivityAnalysis
{
    public const decimal MaxMonthlyCalls = 10_000_000_000_000m;
    public const decimal MaxPriceFactor = 1000m;
    public const decimal FragileMargin = 0.10m;

    /// <summary>
    /// The design asks for 0.1%; bisection is cheap, so the bracket is closed far tighter and the figure reads the
    /// same as a hand calculation.
    /// </summary>
    private const decimal RelativeTolerance = 0.0000001m;
    private const int MaxSteps = 200;

    public static Sensitivity Analyse(CostModel model, decimal monthlyCalls, decimal maxPaybackMonths)
    {
        bool VolumeMet(decimal calls, decimal factor) => model.PaysBackWithin(calls, factor, maxPaybackMonths);

        var flipCalls = Bisect(0m, MaxMonthlyCalls, calls => VolumeMet(calls, 1m));
        var flipFactor = Bisect(0m, MaxPriceFactor, factor => VolumeMet(monthlyCalls, factor));
        var margins = new List<decimal>();
        if (flipCalls is { } calls && monthlyCalls > 0) margins.Add(Math.Abs(calls / monthlyCalls - 1m));
        if (flipFactor is { } factor) margins.Add(Math.Abs(factor - 1m));
        var margin = margins.Count > 0 ? Math.Round(margins.Min(), 4, MidpointRounding.ToEven) : (decimal?)null;
        return new Sensitivity(
            flipCalls is { } c ? Math.Round(c, 0, MidpointRounding.ToEven) : null,
            flipFactor is { } f ? Math.Round((f - 1m) * 100m, 2, MidpointRounding.ToEven) : null)
        {
            Margin = margin,
            Fragile = margin < FragileMargin,
        };
    }

    /// <summary>The point in [low, high] where <paramref name="state"/> changes, or null when it is the same at both ends.</summary>
    public static decimal? Bisect(decimal low, decimal high, Func<decimal, bool> state)
    {
        var lowState = state(low);
        if (lowState == state(high)) return null;

        for (var step = 0; step < MaxSteps && high - low > RelativeTolerance * high; step++)
        {
            var mid = (low + high) / 2m;
            if (state(mid) == lowState) low = mid;
            else high = mid;
        }

        return (low + high) / 2m;
    }
}
