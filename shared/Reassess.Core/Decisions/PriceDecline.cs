using Reassess.Core.Prices;

namespace Reassess.Core.Decisions;

/// <summary>
/// δ, the monthly decline of the frontier's token prices, from the baseline key's price history when the workload
/// states none: the workload's own per-call cost <c>b</c> at each price in force over the last 12 months (so input
/// and output weigh as this workload uses them), <c>δ = 1 − (b_now / b_first)^(1/m)</c> with <c>m</c> the months from
/// the first of those prices to now. Only with at least two distinct prices and <c>m ≥ 3</c>; never negative (a rise
/// is not extrapolated); negotiated prices (the overrides sheet) are deals, not a market trend, and are left out.
/// </summary>
public static class PriceDecline
{
    public const int LookbackMonths = 12;
    public const decimal MinimumMonths = 3m;

    /// <summary>The most δ may be (the workload validator's upper bound): a collapse is not extrapolated.</summary>
    public const decimal MaximumDecline = 0.5m;

    /// <returns>δ, and where it came from in words (for the assessment's inputs).</returns>
    public static (decimal Decline, string Why) FromHistory(IEnumerable<PriceRecord> history, Func<PriceRecord, decimal> costPerCall, DateTimeOffset now)
    {
        var start = now.AddMonths(-LookbackMonths);
        var prices = history
            .Where(r => !r.Source.StartsWith("overrides", StringComparison.Ordinal))
            .Select(r => (At: SeenAt(r), Record: r))
            .Where(p => p.At is not null && p.At <= now && p.Record.InputPerMTok is not null && p.Record.OutputPerMTok is not null)
            .Select(p => (At: p.At!.Value, Cost: costPerCall(p.Record)))
            .OrderBy(p => p.At)
            .ToList();
        var inForceAtStart = prices.LastOrDefault(p => p.At <= start);
        var seen = prices.Where(p => p.At > start).ToList();
        if (inForceAtStart.Cost > 0) seen.Insert(0, (start, inForceAtStart.Cost));
        var distinct = seen.Select(p => p.Cost).Distinct().Count();
        if (distinct < 2)
            return (0m, $"default 0: {(seen.Count == 0 ? "no price" : "one price")} of the baseline in force over the last {LookbackMonths} months");

        var (first, latest) = (seen[0], seen[^1]);
        var months = (decimal)(now - first.At).TotalDays / Units.DaysPerMonth;
        if (months < MinimumMonths)
            return (0m, $"default 0: the baseline's prices span {Evidence.Number(months, "0.0")} months, under {Evidence.Number(MinimumMonths)}");
        if (latest.Cost >= first.Cost || first.Cost <= 0)
            return (0m, $"price history: the workload's cost per call did not fall over {Evidence.Number(months, "0.0")} months (a rise is not extrapolated)");

        // A fractional power has no decimal form; δ is a rate estimate, not money, so double precision is plenty.
        var decline = Math.Min(MaximumDecline, Math.Round((decimal)(1 - Math.Pow((double)(latest.Cost / first.Cost), 1 / (double)months)), 4));
        return (decline, $"price history: the workload's cost per call {Evidence.Number(first.Cost * 1_000_000m, "0.####")} → {Evidence.Number(latest.Cost * 1_000_000m, "0.####")} $ per 1M calls over {Evidence.Number(months, "0.0")} months");
    }

    /// <summary>When a price is known to have been in force: its effective date, or for an undated one the moment it was fetched.</summary>
    private static DateTimeOffset? SeenAt(PriceRecord record) =>
        record.EffectiveFrom > DateTimeOffset.UnixEpoch ? record.EffectiveFrom
        : record.FetchedAt > DateTimeOffset.UnixEpoch ? record.FetchedAt
        : null;
}
