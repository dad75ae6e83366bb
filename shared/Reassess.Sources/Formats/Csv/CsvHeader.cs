namespace Reassess.Sources.Formats.Csv;

/// <summary>A CSV header row: column names trimmed, looked up without regard to case.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(CsvRecord record)
    {
        LineNumber = record.LineNumber;
        Names = record.Fields.Select(f => f.Trim().TrimStart('\uFEFF').Trim()).ToList();
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i].Length == 0) continue;
            if (!_index.TryAdd(Names[i], i))
                Duplicate ??= $"column '{TextExcerpt.Of(Names[i])}' appears twice in the header (columns {_index[Names[i]] + 1} and {i + 1}); " +
                              "keep one so it is clear which value counts";
        }
    }

    public int LineNumber { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Set when a column name repeats.</summary>
    public string? Duplicate { get; }

    public int? IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : null;

    /// <summary>The named columns, as a person would list them (cut short when the "header" is a whole file of something else).</summary>
    public string Listing => Names.Count(n => n.Length > 0) == 0 ? "no named columns" : TextExcerpt.Of(string.Join(", ", Names.Where(n => n.Length > 0)), 600);
}
