namespace Reassess.Core.Prices;

/// <summary>
/// What a model's stored price history says about where its price is heading: the monthly decline δ used for the
/// frontier price when a workload states none (DESIGN §4).
/// </summary>
public static class PriceHistory
{
    /// <summary>How far back the trend is read: older moves say little about the next year.</summary>
    public const int LookbackMonths = 12;

    /// <summary>Below this span two prices are a blip, not a trend.</summary>
    public const decimal MinimumSpanMonths = 1m;

    /// <summary>The most δ may be (the workload validator's upper bound): a collapse is not extrapolated.</summary>
    public const decimal MaximumDecline = 0.5m;

    /// <summary>
    /// The compound monthly decline of the key's price over the last <see cref="LookbackMonths"/> months before
    /// <paramref name="asOf"/>: <c>1 − (p_now / p_then)^(1 / months)</c>, where the price is input + output per 1M
    /// tokens (a blend both sides of a call pay) and "then" is the oldest price seen in the lookback (or in force at
    /// its start). Rises give 0, never a negative δ. Null when there are fewer than two prices at least a month apart.
    /// Negotiated prices (the overrides sheet) are left out: a discount is a deal, not a market trend.
    /// </summary>
    public static decimal? EstimateMonthlyDecline(IEnumerable<PriceRecord> history, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        var windowStart = asOf.AddMonths(-LookbackMonths);
        var points = history
            .Where(r => !r.Source.StartsWith("overrides", StringComparison.Ordinal))
            .Select(r => (At: SeenAt(r), Price: Blend(r)))
            .Where(p => p.At is not null && p.At <= asOf && p.Price is > 0)
            .Select(p => (At: p.At!.Value, Price: p.Price!.Value))
            .OrderBy(p => p.At)
            .ToList();
        if (points.Count < 2) return null;

        var inForceAtStart = points.LastOrDefault(p => p.At <= windowStart);
        var first = inForceAtStart.Price > 0 ? (At: windowStart, inForceAtStart.Price) : points.First(p => p.At > windowStart);
        var last = points[^1];
        var months = (decimal)(last.At - first.At).TotalDays / Units.DaysPerMonth;
        if (months < MinimumSpanMonths || last.Price >= first.Price) return months < MinimumSpanMonths ? null : 0m;

        // A fractional power has no decimal form; δ is a rate estimate, not money, so double precision is plenty.
        var decline = 1 - Math.Pow((double)(last.Price / first.Price), 1 / (double)months);
        return Math.Min(MaximumDecline, Math.Round((decimal)decline, 4));
    }

    /// <summary>
    /// When a price is known to have been in force: its effective date, or for an undated price (in force "since
    /// before we first saw it") the moment it was fetched.
    /// </summary>
    private static DateTimeOffset? SeenAt(PriceRecord record) =>
        record.EffectiveFrom > DateTimeOffset.UnixEpoch ? record.EffectiveFrom
        : record.FetchedAt > DateTimeOffset.UnixEpoch ? record.FetchedAt
        : null;

    private static decimal? Blend(PriceRecord record) =>
        record.InputPerMTok is null && record.OutputPerMTok is null ? null : (record.InputPerMTok ?? 0) + (record.OutputPerMTok ?? 0);
}
