namespace Reassess.Core.Prices;

/// <summary>The prices in force at one instant, by canonical key.</summary>
public sealed class PriceBook
{
    private readonly Dictionary<string, PriceRecord> _byKey;

    public PriceBook(IEnumerable<PriceRecord> records)
    {
        _byKey = new Dictionary<string, PriceRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            if (!_byKey.TryGetValue(record.Key, out var existing) || record.EffectiveFrom >= existing.EffectiveFrom)
                _byKey[record.Key] = record;
        }
    }

    public static PriceBook Empty { get; } = new([]);

    public int Count => _byKey.Count;

    public IEnumerable<PriceRecord> All => _byKey.Values;

    public PriceRecord? Find(string? key) =>
        key is not null && _byKey.TryGetValue(key.Trim(), out var record) ? record : null;
}
