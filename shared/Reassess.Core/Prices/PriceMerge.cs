namespace Reassess.Core.Prices;

/// <summary>
/// Combines the records of several sheets into one price per key and date. Public sheets are taken in the order they
/// are configured (the first to quote a key wins); the company overrides sheet wins over all of them, field by field,
/// and its dated rows become dated prices on top of the public price.
/// </summary>
public static class PriceMerge
{
    public static IReadOnlyList<PriceRecord> Merge(IEnumerable<IReadOnlyList<PriceRecord>> publicSheets, IReadOnlyList<PriceRecord> overrides)
    {
        var byKey = new Dictionary<string, PriceRecord>(StringComparer.Ordinal);
        foreach (var sheet in publicSheets)
            foreach (var record in sheet)
                byKey.TryAdd(record.Key, record);

        var merged = new List<PriceRecord>();
        foreach (var group in overrides.GroupBy(o => o.Key, StringComparer.Ordinal))
        {
            byKey.Remove(group.Key, out var current);
            if (current is not null && group.Min(o => o.EffectiveFrom) > current.EffectiveFrom)
                merged.Add(current);

            foreach (var over in group.OrderBy(o => o.EffectiveFrom))
            {
                current = current is null ? over : current.OverlaidWith(over) with { EffectiveFrom = over.EffectiveFrom };
                merged.Add(current);
            }
        }

        merged.AddRange(byKey.Values);
        return merged.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.EffectiveFrom).ToList();
    }

    /// <summary>
    /// A sheet with no dates says only "this is the price now". When a key's current price (the latest merged state in
    /// force at <paramref name="asOf"/>) differs from the stored one without a newer date of its own, the change takes
    /// effect on the day it was seen, so history keeps the old price for the weeks before. Earlier states of the same
    /// key (a public price an override later superseded) keep their dates.
    /// </summary>
    public static IReadOnlyList<PriceRecord> DateChangesWhenSeen(
        IReadOnlyList<PriceRecord> merged, IReadOnlyDictionary<string, PriceRecord> storedInForce, DateTimeOffset asOf, DateTimeOffset seenOn)
    {
        var current = merged
            .Where(r => r.EffectiveFrom <= asOf)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.EffectiveFrom)!, StringComparer.Ordinal);

        return merged.Select(record =>
                ReferenceEquals(current.GetValueOrDefault(record.Key), record)
                && storedInForce.TryGetValue(record.Key, out var stored)
                && !stored.SamePricesAs(record)
                && record.EffectiveFrom <= stored.EffectiveFrom
                    ? record with { EffectiveFrom = seenOn }
                    : record)
            .ToList();
    }
}
