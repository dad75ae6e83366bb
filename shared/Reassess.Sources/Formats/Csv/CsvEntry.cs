using Reassess.Core.Reporting;

namespace Reassess.Sources.Formats.Csv;

/// <summary>
/// A CSV data row as an <see cref="Entry"/>: fields by header name, located by the line the row starts on. When
/// <paramref name="spreadsheetSafeText"/>, each cell is read as it was before <see cref="CsvCell.Text"/> led it with
/// <c>'</c> (<c>'=x</c> reads <c>=x</c>).
/// </summary>
public sealed class CsvEntry(CsvHeader header, CsvRecord record, bool spreadsheetSafeText = false)
    : Entry($"line {record.LineNumber}", "column", "row", ProblemOf(header, record))
{
    public CsvRecord Record { get; } = record;

    public override FieldValue Field(string name) =>
        header.IndexOf(name) is { } i && i < Record.Fields.Count ? FieldValue.FromText(Cell(Record.Fields[i])) : FieldValue.Absent;

    private string Cell(string written) => spreadsheetSafeText ? CsvCell.Original(written) : written;

    private static string? ProblemOf(CsvHeader header, CsvRecord record)
    {
        if (record.Problem is not null) return record.Problem;
        var count = record.Fields.Count;
        var columns = header.Names.Count;
        // Columns up to the last named one must be there; unnamed trailing columns and stray empty cells cost nothing.
        var needed = header.Names.ToList().FindLastIndex(n => n.Length > 0) + 1;
        if (count < needed)
            return $"has {count} value{(count == 1 ? "" : "s")} but the header names {columns} columns; " +
                   "the row looks cut short (an empty value still needs its comma)";
        if (count > columns && !record.Fields.Skip(columns).All(string.IsNullOrWhiteSpace))
            return $"has {count} values but the header names {columns} columns; a value holding a comma must be in double quotes";
        return null;
    }
}
