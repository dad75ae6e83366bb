namespace Reassess.Core.Usage;

/// <summary>
/// Adds rows up to one per source, day, model and set of dimensions as they are read, so a reader can stream an
/// export of any length and hold only the daily totals. Identical dimension sets are kept once.
/// </summary>
public sealed class MeteredUsageTotals
{
    private readonly Dictionary<(string Source, DateOnly Day, string Model, UsageDimensions Dimensions), UsageTally> _tallies = [];
    private readonly Dictionary<UsageDimensions, UsageDimensions> _dimensions = [];

    /// <summary>How many daily totals are held (what memory grows with).</summary>
    public int Count => _tallies.Count;

    public void Add(MeteredUsage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!_dimensions.TryGetValue(row.Dimensions, out var dimensions))
            _dimensions[row.Dimensions] = dimensions = row.Dimensions;
        var key = (row.Source, row.Day, row.Model, dimensions);
        if (!_tallies.TryGetValue(key, out var tally)) _tallies[key] = tally = new UsageTally();
        tally.Add(row);
    }

    /// <summary>The totals, by day, then model, then dimensions: the same input always gives the same rows in the same order.</summary>
    public IReadOnlyList<MeteredUsage> ToList() =>
        _tallies
            .OrderBy(t => t.Key.Day)
            .ThenBy(t => t.Key.Model, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Dimensions.ToString(), StringComparer.Ordinal)
            .ThenBy(t => t.Key.Source, StringComparer.Ordinal)
            .Select(t => new MeteredUsage
            {
                Source = t.Key.Source,
                Day = t.Key.Day,
                Model = t.Key.Model,
                Dimensions = t.Key.Dimensions,
                Calls = t.Value.Calls,
                UncachedInputTokens = t.Value.UncachedInputTokens,
                CachedInputTokens = t.Value.CachedInputTokens,
                CacheWriteTokens = t.Value.CacheWriteTokens,
                OutputTokens = t.Value.OutputTokens,
                LatencyP95Ms = t.Value.LatencyP95Ms,
                LatencyMeanMs = t.Value.LatencyMeanMs,
                Cost = t.Value.Cost,
                Currency = t.Value.Currency,
                PartialDay = t.Value.PartialDay,
            })
            .ToList();
}
