namespace Reassess.Core.Decisions;

/// <summary>
/// The economics of sending <see cref="Share"/> of the calls to a cheaper model (a switch when it is 1), the rest staying
/// on the baseline, priced per baseline call: in month t
/// <c>r_t = (share·a·d_t + (1−share)·b·d_t + router)·q_r</c>, with <c>q_r = (1−v_b)/(1−v_r)</c> the retries its format
/// rate costs; the saving against staying is <c>R_t = C_t·(b·d_t − r_t)</c>; the one-off cost is the migration.
/// </summary>
public sealed record RouteModel
{
    /// <summary>b: the baseline's cost per call.</summary>
    public required decimal BaselineCostPerCall { get; init; }

    /// <summary>a: the alternative's cost per call of its own.</summary>
    public required decimal AlternativeCostPerCall { get; init; }

    /// <summary>The part of the calls sent to the alternative, 0 &lt; share ≤ 1.</summary>
    public decimal Share { get; init; } = 1m;

    public decimal RouterCostPerCall { get; init; }

    /// <summary>q_r: calls of the routed system for each baseline call.</summary>
    public decimal CallsPerBaselineCall { get; init; } = 1m;

    public decimal MigrationCost { get; init; }

    /// <summary>δ: applies to the baseline's and the alternative's token prices, not to the router.</summary>
    public decimal MonthlyPriceDecline { get; init; }

    public decimal MonthlyVolumeGrowth { get; init; }

    /// <summary>r_t: the routed system's cost per baseline call in month t (1 = now).</summary>
    public decimal CostPerBaselineCall(int month = 1)
    {
        var decline = Decline(month);
        return (Share * AlternativeCostPerCall * decline + (1 - Share) * BaselineCostPerCall * decline + RouterCostPerCall) * CallsPerBaselineCall;
    }

    /// <summary>R_t = C_t·(b·d_t − r_t) for t = 1…<paramref name="months"/>.</summary>
    public IEnumerable<decimal> MonthlySavings(decimal monthlyCalls, int months = CostModel.PaybackSearchMonths)
    {
        var volume = monthlyCalls;
        for (var t = 1; t <= months; t++)
        {
            yield return volume * (BaselineCostPerCall * Decline(t) - CostPerBaselineCall(t));
            volume = MonthlyVolumeGrowth == 0 ? volume : Math.Round(volume * (1 + MonthlyVolumeGrowth), 6);
        }
    }

    public decimal HorizonNet(decimal monthlyCalls, int horizonMonths) => MonthlySavings(monthlyCalls, horizonMonths).Sum() - MigrationCost;

    /// <summary>Months until the savings have paid the migration (0 without one); null if not within 120 months.</summary>
    public decimal? PaybackMonths(decimal monthlyCalls) =>
        PaybackSearch.Months(MonthlySavings(monthlyCalls), MigrationCost, MonthlyVolumeGrowth <= 0 && MonthlyPriceDecline >= 0 && RouterCostPerCall >= 0);

    /// <summary>d_t = (1−δ)^(t−1), compounded in decimal to 1e-15 as the fine-tune's cost model does.</summary>
    private decimal Decline(int month)
    {
        var factor = 1m;
        for (var t = 1; t < month && MonthlyPriceDecline != 0; t++) factor = Math.Round(factor * (1 - MonthlyPriceDecline), 15);
        return factor;
    }
}
