using System.Globalization;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;

namespace Reassess.Sources.Usage;

/// <summary>
/// The daily totals a rejected row would have added to. Such a total is short, and storing it would overwrite a good
/// total from an earlier run with a smaller one, so it is held back: the stored row stays until the source is fixed.
/// A part the bad row does not make known (its model, its dimensions) holds back every total of its day that could
/// match; a row whose day is unknown cannot be placed and holds back nothing.
/// </summary>
public sealed class ShortTotals
{
    private readonly HashSet<(DateOnly Day, string? Model, UsageDimensions? Dimensions)> _bad = [];

    public void Add(DateOnly? day, string? model, UsageDimensions? dimensions)
    {
        if (day is { } d) _bad.Add((d, model, dimensions));
    }

    public bool Holds(MeteredUsage row) =>
        _bad.Any(b => b.Day == row.Day && (b.Model is null || b.Model == row.Model) && (b.Dimensions is null || b.Dimensions.Equals(row.Dimensions)));

    /// <summary>Adds the rows that are whole to <paramref name="results"/> and says which were held back.</summary>
    public void AddWhole(IEnumerable<MeteredUsage> rows, ReadResultBuilder<MeteredUsage> results)
    {
        var held = new List<MeteredUsage>();
        foreach (var row in rows)
        {
            if (Holds(row)) held.Add(row);
            else results.Add(row);
        }

        foreach (var day in held.GroupBy(r => r.Day).OrderBy(g => g.Key))
            results.Reject(day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"{day.Count()} daily total(s) of this day ({string.Join("; ", day.Select(r => $"{r.Model}, {r.Dimensions}"))}) would be short by a rejected row, " +
                "so they were not ingested; rows stored before for them stay until the source is fixed");
    }
}
