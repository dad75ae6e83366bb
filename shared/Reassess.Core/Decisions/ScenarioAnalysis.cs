namespace Reassess.Core.Decisions;

/// <summary>
/// Asks an assessment's <see cref="CostModel"/> the what-ifs the report draws: the payback curve over monthly volume,
/// and the horizon net with each driver moved ±<see cref="SwingPct"/>% (one at a time, the rest as assessed).
/// </summary>
public static class ScenarioAnalysis
{
    public const int CurvePoints = 24;
    public const decimal SwingPct = 25m;

    /// <summary>How far past the current volume (times) the curve reaches when the flip point is far away.</summary>
    private const decimal MaxReach = 50m;

    public static Scenarios Analyse(CostModel model, decimal monthlyCalls, decimal maxPaybackMonths, int horizonMonths, decimal? flipMonthlyCalls)
    {
        return new Scenarios
        {
            MaxPaybackMonths = maxPaybackMonths,
            PaybackByVolume = Curve(model, monthlyCalls, flipMonthlyCalls),
            SwingPct = SwingPct,
            HorizonNetSwings = Swings(model, monthlyCalls, horizonMonths),
        };
    }

    /// <summary>
    /// Payback at evenly spaced volumes from 1/<see cref="CurvePoints"/> of the top to the top, plus the current
    /// volume itself. The top is twice the current volume, or 1.5 times the flip point when that is further (up to
    /// <see cref="MaxReach"/> times the current volume), so the curve shows where the limit is crossed.
    /// </summary>
    public static IReadOnlyList<PaybackPoint> Curve(CostModel model, decimal monthlyCalls, decimal? flipMonthlyCalls)
    {
        var top = monthlyCalls * 2m;
        if (flipMonthlyCalls is { } flip && flip * 1.5m > top)
            top = monthlyCalls > 0 ? Math.Min(flip * 1.5m, monthlyCalls * MaxReach) : flip * 1.5m;
        if (top <= 0) return [];

        var volumes = Enumerable.Range(1, CurvePoints).Select(i => Math.Round(top * i / CurvePoints, 0, MidpointRounding.ToEven)).ToList();
        if (monthlyCalls > 0) volumes.Add(Math.Round(monthlyCalls, 0, MidpointRounding.ToEven));
        return volumes.Where(v => v > 0).Distinct().Order()
            .Select(v => new PaybackPoint(v, model.PaybackMonths(v) is { } p ? Math.Round(p, 3, MidpointRounding.ToEven) : null))
            .ToList();
    }

    /// <summary>Horizon net with each driver lower and higher by <see cref="SwingPct"/>%, widest swing first.</summary>
    public static IReadOnlyList<HorizonNetSwing> Swings(CostModel model, decimal monthlyCalls, int horizonMonths)
    {
        var down = 1m - SwingPct / 100m;
        var up = 1m + SwingPct / 100m;
        decimal Net(CostModel m, decimal calls = -1, decimal priceFactor = 1m) =>
            Math.Round(m.MonthlySavings(calls < 0 ? monthlyCalls : calls, priceFactor, horizonMonths).Sum() - m.BuildCost, 2, MidpointRounding.ToEven);

        var swings = new List<HorizonNetSwing>
        {
            new("Monthly volume", Net(model, monthlyCalls * down), Net(model, monthlyCalls * up)),
            new("Frontier price", Net(model, priceFactor: down), Net(model, priceFactor: up)),
            new("Fine-tuned price per call", Net(model with { CandidateCostPerCall = model.CandidateCostPerCall * down }),
                Net(model with { CandidateCostPerCall = model.CandidateCostPerCall * up })),
            new("Hosting and operations", Net(model with { FixedMonthlyWithoutGpus = model.FixedMonthlyWithoutGpus * down, GpuHourly = model.GpuHourly * down }),
                Net(model with { FixedMonthlyWithoutGpus = model.FixedMonthlyWithoutGpus * up, GpuHourly = model.GpuHourly * up })),
            new("Build cost", Net(model with { BuildCost = model.BuildCost * down }), Net(model with { BuildCost = model.BuildCost * up })),
            new("Retraining", Net(model with { MonthlyRetrainCost = model.MonthlyRetrainCost * down }),
                Net(model with { MonthlyRetrainCost = model.MonthlyRetrainCost * up })),
        };

        return swings
            .Where(s => s.WhenLower != s.WhenHigher)
            .OrderByDescending(s => Math.Abs(s.WhenHigher - s.WhenLower))
            .ThenBy(s => s.Driver, StringComparer.Ordinal)
            .ToList();
    }
}
