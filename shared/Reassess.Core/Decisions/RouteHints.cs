using Reassess.Core.Prices;

namespace Reassess.Core.Decisions;

/// <summary>
/// Cheaper models the team has already evaluated: one that meets the quality target is often a better move than a
/// fine-tune, and it is reported with what it would save each month: <c>C·(b − b_alt)</c>.
/// </summary>
public static class RouteHints
{
    public static IReadOnlyList<RouteHint> Find(
        IEnumerable<(Workloads.AlternativeModel Alternative, PriceRecord Price)> priced,
        decimal? qualityTarget, TokenMix mix, bool batch, decimal baselineCostPerCall, decimal monthlyCalls)
    {
        if (qualityTarget is null) return [];
        return priced
            .Where(p => p.Alternative.EvalScore >= qualityTarget)
            .Select(p =>
            {
                var cost = CallCost.Of(p.Price, mix, batch);
                return new RouteHint(p.Price.Key, p.Alternative.EvalScore, cost,
                    Math.Round(monthlyCalls * (baselineCostPerCall - cost), 2, MidpointRounding.AwayFromZero));
            })
            .Where(h => h.MonthlySaving > 0)
            .OrderByDescending(h => h.MonthlySaving)
            .ThenBy(h => h.Model, StringComparer.Ordinal)
            .ToList();
    }
}
