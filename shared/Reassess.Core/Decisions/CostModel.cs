namespace Reassess.Core.Decisions;

/// <summary>
/// The month-by-month economics of the fine-tune option against staying, as a function of monthly volume and of a
/// factor on the frontier price, so that sensitivity can ask "what if" of the same model. Month t:
/// <c>S_t = C_t·(b·d_t − ĉ) − F_t − Kr/R</c>, with <c>C_t = C(1+g)^(t−1)</c>, <c>d_t = (1−δ)^(t−1)</c>, ĉ the candidate's
/// cost per baseline call (its own calls times the retries its format rate costs), and <c>F_t</c> hosting, operations
/// and the GPUs the busiest hour of month t needs.
/// </summary>
public sealed record CostModel
{
    /// <summary>Payback later than this is reported as none.</summary>
    public const int PaybackSearchMonths = 120;

    public required decimal BaselineCostPerCall { get; init; }

    /// <summary>ĉ = c·q_ft: the candidate's cost for each baseline call, its retries for format included.</summary>
    public required decimal CandidateCostPerCall { get; init; }

    /// <summary>q_ft = (1−v_b)/(1−v_ft): the candidate's calls for each baseline call; sizes its GPUs.</summary>
    public decimal CallsPerBaselineCall { get; init; } = 1m;

    /// <summary>Hosting of the fine-tuned deployment plus operations per month: the part of F that does not scale with GPUs.</summary>
    public required decimal FixedMonthlyWithoutGpus { get; init; }

    public decimal GpuHourly { get; init; }
    public int MinimumGpus { get; init; }
    public decimal CallsPerGpuHour { get; init; }

    /// <summary>The busiest hour's calls over the average hour's: GPUs are sized for the peak, not the mean.</summary>
    public decimal PeakToAverage { get; init; } = 1m;

    /// <summary>K: data preparation, training, evaluation and engineering.</summary>
    public required decimal BuildCost { get; init; }

    /// <summary>Kr/R: retraining amortised per month.</summary>
    public required decimal MonthlyRetrainCost { get; init; }

    /// <summary>δ: monthly decline of the frontier price.</summary>
    public decimal MonthlyPriceDecline { get; init; }

    /// <summary>g: monthly growth of call volume.</summary>
    public decimal MonthlyVolumeGrowth { get; init; }

    /// <summary>
    /// GPUs a self-hosted candidate needs at a monthly volume, sized for the peak hour:
    /// <c>max(gpus, 1, ceil(C·q_ft·peak / (callsPerGpuHour · 730.5)))</c>; none for a provider-hosted one.
    /// </summary>
    public int GpusFor(decimal monthlyCalls)
    {
        if (GpuHourly <= 0) return 0;
        var floor = Math.Max(MinimumGpus, 1);
        if (CallsPerGpuHour <= 0) return floor;
        var needed = Math.Ceiling(monthlyCalls * CallsPerBaselineCall * PeakToAverage / (CallsPerGpuHour * Units.HoursPerMonth));
        return needed > int.MaxValue ? int.MaxValue : Math.Max(floor, (int)needed);
    }

    /// <summary>F: hosting, GPUs and operations per month at a volume.</summary>
    public decimal FixedMonthlyCost(decimal monthlyCalls) =>
        FixedMonthlyWithoutGpus + GpuHourly * GpusFor(monthlyCalls) * Units.HoursPerMonth;

    /// <summary>
    /// Net savings of each month t = 1…<paramref name="months"/>:
    /// <c>S_t = C(1+g)^(t−1) · (φb(1−δ)^(t−1) − c) − F − Kr/R</c>.
    /// </summary>
    public IEnumerable<decimal> MonthlySavings(decimal monthlyCalls, decimal baselinePriceFactor = 1m, int months = PaybackSearchMonths)
    {
        var volume = monthlyCalls;
        var baseline = BaselineCostPerCall * baselinePriceFactor;
        for (var t = 1; t <= months; t++)
        {
            // GPUs are re-sized month by month as volume grows.
            yield return volume * (baseline - CandidateCostPerCall) - FixedMonthlyCost(volume) - MonthlyRetrainCost;
            (volume, baseline) = NextMonth(volume, baseline);
        }
    }

    /// <summary>
    /// Calls made until payback: <c>Σ C_t</c> over the whole months before it plus the part of the next month it takes;
    /// null without payback.
    /// </summary>
    public decimal? BreakevenCalls(decimal monthlyCalls)
    {
        if (PaybackMonths(monthlyCalls) is not { } payback) return null;
        var whole = (int)Math.Floor(payback);
        decimal calls = 0, volume = monthlyCalls, baseline = BaselineCostPerCall;
        for (var t = 1; t <= whole; t++)
        {
            calls += volume;
            (volume, baseline) = NextMonth(volume, baseline);
        }

        return calls + (payback - whole) * volume;
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
        var months = searchUntil < 0 ? 0 : (int)Math.Min(PaybackSearchMonths, Math.Floor(searchUntil) + 1);
        return PaybackSearch.Months(MonthlySavings(monthlyCalls, baselinePriceFactor, months), BuildCost,
            NeverRises(FixedMonthlyCost(monthlyCalls) + MonthlyRetrainCost));
    }

    /// <summary>
    /// With volume never growing, fixed costs that do not shrink with it, the frontier price never rising and fixed
    /// costs not negative, a month's saving is never more than the month before's once it is not positive, so payback
    /// can no longer come: the searches stop there instead of walking all 120 months. (A self-hosted candidate's
    /// shrinking volume can shed GPUs and save more later, so it is walked in full.)
    /// </summary>
    private bool NeverRises(decimal fixedCost) =>
        (MonthlyVolumeGrowth == 0 || (MonthlyVolumeGrowth < 0 && MonthlyVolumeGrowth > -1 && GpuHourly <= 0))
        && MonthlyPriceDecline >= 0 && fixedCost >= 0;

    /// <summary>
    /// Next month's volume and frontier price per call. Compounding in decimal would carry 28 digits after a few
    /// months and make every step slow; calls are kept to 1e-6 and prices to 1e-15 dollars a call, far below anything
    /// reported (whole calls, cents, months to three places).
    /// </summary>
    private (decimal Volume, decimal Baseline) NextMonth(decimal volume, decimal baseline) =>
        (MonthlyVolumeGrowth == 0 ? volume : Math.Round(volume * (1 + MonthlyVolumeGrowth), 6),
         MonthlyPriceDecline == 0 ? baseline : Math.Round(baseline * (1 - MonthlyPriceDecline), 15));
}
