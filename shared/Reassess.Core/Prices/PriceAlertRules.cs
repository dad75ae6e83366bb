namespace Reassess.Core.Prices;

/// <summary>The rules that raise <see cref="PriceAlerts"/>, kept pure so they are tested without storage.</summary>
public static class PriceAlertRules
{
    /// <summary>A move of more than half the price at once is more often a unit or data error than a real change.</summary>
    public const decimal SuspiciousChange = 0.50m;

    /// <summary>Sources further apart than this on one key cannot both be right.</summary>
    public const decimal Disagreement = 0.05m;

    /// <summary>A sheet that says it was last updated longer ago than this is reported as stale.</summary>
    public const int StaleAfterDays = 30;

    /// <summary>Each price that moved by more than <see cref="SuspiciousChange"/> between a stored record and the one replacing it.</summary>
    public static IReadOnlyList<SuspiciousPriceChange> SuspiciousChanges(IEnumerable<(PriceRecord Before, PriceRecord After)> changes)
    {
        var found = new List<SuspiciousPriceChange>();
        foreach (var (before, after) in changes)
        {
            var old = before.StatedPrices().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            foreach (var (name, value) in after.StatedPrices())
            {
                if (!old.TryGetValue(name, out var was) || !Differs(was, value, SuspiciousChange, out var pct)) continue;
                found.Add(new SuspiciousPriceChange(after.Key, name, was, before.Source, value, after.Source, after.EffectiveFrom, pct));
            }
        }

        return Ordered(found);
    }

    /// <summary>
    /// Every price on which a later public sheet is more than <see cref="Disagreement"/> away from the first sheet that
    /// quotes the key (the one in force). <paramref name="sheets"/> are in configured order, records already canonical.
    /// </summary>
    public static IReadOnlyList<PriceDisagreement> Disagreements(IEnumerable<IReadOnlyList<PriceRecord>> sheets)
    {
        var first = new Dictionary<string, PriceRecord>(StringComparer.Ordinal);
        var found = new List<PriceDisagreement>();
        foreach (var sheet in sheets)
        {
            foreach (var record in sheet)
            {
                if (!first.TryGetValue(record.Key, out var inForce))
                {
                    first[record.Key] = record;
                    continue;
                }

                if (inForce.Source == record.Source) continue;
                var quoted = inForce.StatedPrices().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var (name, value) in record.StatedPrices())
                {
                    if (!quoted.TryGetValue(name, out var standing) || !Differs(standing, value, Disagreement, out var pct)) continue;
                    found.Add(new PriceDisagreement(record.Key, name, inForce.Source, standing, record.Source, value, pct));
                }
            }
        }

        return Ordered(found);
    }

    /// <summary>
    /// True when <paramref name="to"/> is more than <paramref name="limit"/> (a fraction) away from <paramref name="from"/>;
    /// <paramref name="pct"/> is the change in percent, null from 0 (any move from free is beyond every limit).
    /// </summary>
    private static bool Differs(decimal from, decimal to, decimal limit, out decimal? pct)
    {
        pct = null;
        if (from == to) return false;
        if (from == 0) return true;
        var change = (to - from) / from;
        pct = Math.Round(change * 100, 2);
        return Math.Abs(change) > limit;
    }

    internal static IReadOnlyList<SuspiciousPriceChange> Ordered(IEnumerable<SuspiciousPriceChange> changes) =>
        changes.Distinct().OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Price, StringComparer.Ordinal).ThenBy(c => c.EffectiveFrom).ToList();

    internal static IReadOnlyList<PriceDisagreement> Ordered(IEnumerable<PriceDisagreement> disagreements) =>
        disagreements.Distinct().OrderBy(d => d.Key, StringComparer.Ordinal).ThenBy(d => d.Price, StringComparer.Ordinal)
            .ThenBy(d => d.OtherSource, StringComparer.Ordinal).ToList();

    internal static IReadOnlyList<StalePriceSource> Ordered(IEnumerable<StalePriceSource> stale) =>
        stale.Distinct().OrderBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.Since).ThenBy(s => s.Reason, StringComparer.Ordinal).ToList();
}
