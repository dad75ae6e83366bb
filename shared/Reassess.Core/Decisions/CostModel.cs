namespace Reassess.Core.Decisions;

/// <summary>
/// The month-by-month economics of one fine-tune candidate against its baseline (DESIGN §4), as a function of
/// monthly volume and of a factor on the frontier price, so that sensitivity can ask "what if" of the same model.
/// </summary>
public sealed record CostModel
{
    /// <summary>Payback later than this is reported as none.</summary>
    public const int PaybackSearchMonths = 120;

    public required decimal BaselineCostPerCall { get; init; }
    public required decimal CandidateCostPerCall { get; init; }

    /// <summary>Hosting of the fine-tuned deployment plus operations per month: the part of F that does not scale with GPUs.</summary>
    public required decimal FixedMonthlyWithoutGpus { get; init; }

    public decimal GpuHourly { get; init; }
    public int MinimumGpus { get; init; }
    public decimal CallsPerGpuHour { get; init; }

    /// <summary>K: data preparation, training, evaluation and engineering.</summary>
    public required decimal BuildCost { get; init; }

    /// <summary>Kr/R: retraining amortised per month.</summary>
    public required decimal MonthlyRetrainCost { get; init; }

    /// <summary>δ: monthly decline of the frontier price.</summary>
    public decimal MonthlyPriceDecline { get; init; }

    /// <summary>g: monthly growth of call volume.</summary>
    public decimal MonthlyVolumeGrowth { get; init; }

    /// <summary>GPUs needed for a volume: <c>max(gpus, ceil(C / (callsPerGpuHour · 730.5)))</c>.</summary>
    public int GpusFor(decimal monthlyCalls) =>
        GpuHourly <= 0 || CallsPerGpuHour <= 0
            ? MinimumGpus
            : Math.Max(MinimumGpus, (int)Math.Ceiling(monthlyCalls / (CallsPerGpuHour * Units.HoursPerMonth)));

    /// <summary>F: hosting, GPUs and operations per month at a volume.</summary>
    public decimal FixedMonthlyCost(decimal monthlyCalls) =>
        FixedMonthlyWithoutGpus + GpuHourly * GpusFor(monthlyCalls) * Units.HoursPerMonth;

    /// <summary>
    /// Net savings of each month t = 1…<paramref name="months"/>:
    /// <c>S_t = C(1+g)^(t−1) · (φb(1−δ)^(t−1) − c) − F − Kr/R</c>.
    /// </summary>
    public IEnumerable<decimal> MonthlySavings(decimal monthlyCalls, decimal baselinePriceFactor = 1m, int months = PaybackSearchMonths)
    {
        var fixedCost = FixedMonthlyCost(monthlyCalls) + MonthlyRetrainCost;
        var volume = monthlyCalls;
        var baseline = BaselineCostPerCall * baselinePriceFactor;
        for (var t = 1; t <= months; t++)
        {
            yield return volume * (baseline - CandidateCostPerCall) - fixedCost;
            (volume, baseline) = NextMonth(volume, baseline);
        }
    }

    /// <summary>The first point where cumulative savings reach the build cost, linear within the month; null if not within 120 months.</summary>
    public decimal? PaybackMonths(decimal monthlyCalls, decimal baselinePriceFactor = 1m) =>
        Payback(monthlyCalls, baselinePriceFactor, PaybackSearchMonths);

    /// <summary>
    /// Whether <see cref="PaybackMonths"/> is at most <paramref name="maxMonths"/>, found without walking past that
    /// month: a payback found later can only be later. The sensitivity search asks this dozens of times per workload.
    /// </summary>
    public bool PaysBackWithin(decimal monthlyCalls, decimal baselinePriceFactor, decimal maxMonths) =>
        Payback(monthlyCalls, baselinePriceFactor, maxMonths) is { } months && months <= maxMonths;

    /// <summary>Σ S_t over the horizon, less the build cost.</summary>
    public decimal HorizonNet(decimal monthlyCalls, int horizonMonths) =>
        MonthlySavings(monthlyCalls, 1m, horizonMonths).Sum() - BuildCost;

    /// <summary>Payback in months, searched no further than the month <paramref name="searchUntil"/> falls in.</summary>
    private decimal? Payback(decimal monthlyCalls, decimal baselinePriceFactor, decimal searchUntil)
    {
        if (BuildCost <= 0) return 0m;
        var months = searchUntil < 0 ? 0 : (int)Math.Min(PaybackSearchMonths, Math.Floor(searchUntil) + 1);
        var stopsRising = NeverRises(FixedMonthlyCost(monthlyCalls) + MonthlyRetrainCost);
        decimal cumulative = 0, month = 0;
        foreach (var saving in MonthlySavings(monthlyCalls, baselinePriceFactor, months))
        {
            if (saving > 0 && cumulative + saving >= BuildCost)
                return month + (BuildCost - cumulative) / saving;
            if (saving <= 0 && stopsRising) return null;
            cumulative += saving;
            month++;
        }

        return null;
    }

    /// <summary>
    /// With volume never growing, the frontier price never rising and fixed costs not negative, a month's saving is
    /// never more than the month before's once it is not positive, so payback can no longer come: the searches stop
    /// there instead of walking all 120 months.
    /// </summary>
    private bool NeverRises(decimal fixedCost) => MonthlyVolumeGrowth <= 0 && MonthlyVolumeGrowth > -1 && MonthlyPriceDecline >= 0 && fixedCost >= 0;

    /// <summary>
    /// Next month's volume and frontier price per call. Compounding in decimal would carry 28 digits after a few
    /// months and make every step slow; calls are kept to 1e-6 and prices to 1e-15 dollars a call, far below anything
    /// reported (whole calls, cents, months to three places).
    /// </summary>
    private (decimal Volume, decimal Baseline) NextMonth(decimal volume, decimal baseline) =>
        (MonthlyVolumeGrowth == 0 ? volume : Math.Round(volume * (1 + MonthlyVolumeGrowth), 6),
         MonthlyPriceDecline == 0 ? baseline : Math.Round(baseline * (1 - MonthlyPriceDecline), 15));
}
