using System.Text;
using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;

namespace Reassess.Sources.Formats.Csv;

/// <summary>
/// Reads a whole CSV sheet into entries: a header row first (blank lines before it are ignored), then one entry per
/// non-blank record. A missing required column, a repeated column name or an unclosed quote refuses the whole sheet.
/// </summary>
public static class CsvSheet
{
    public static IReadOnlyList<Entry> Read(byte[] content, string sourceName, IReadOnlyCollection<string> requiredColumns)
    {
        using var text = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(text, sourceName, requiredColumns);
    }

    public static IReadOnlyList<Entry> Read(TextReader content, string sourceName, IReadOnlyCollection<string> requiredColumns) =>
        Open(content, sourceName, requiredColumns).ToList();

    /// <summary>
    /// The streaming form, for exports too large to hold: reads and checks the header now (refusing the sheet as
    /// <see cref="Read(TextReader,string,IReadOnlyCollection{string})"/> does), then yields one entry per record as the
    /// caller asks for it, so memory stays that of one record. An unclosed quote met later refuses the rest of the sheet
    /// when it is reached; the entries before it have already been handed out. <paramref name="spreadsheetSafeText"/>:
    /// the text cells were written by <see cref="CsvCell.Text"/> and are read as they were before (<see cref="CsvEntry"/>).
    /// </summary>
    public static CsvRows Open(
        TextReader content, string sourceName, IReadOnlyCollection<string> requiredColumns, bool spreadsheetSafeText = false)
    {
        var csv = new CsvReader(content);
        try
        {
            CsvRecord? first;
            while ((first = csv.Read()) is { IsBlank: true })
            {
                // Blank lines before the header are not rows.
            }

            if (first is null)
                throw Refuse(sourceName, "", $"the file is empty; expected a header row naming the columns ({string.Join(", ", requiredColumns)}, …)");
            var header = new CsvHeader(first);
            if (first.Problem is not null) throw Refuse(sourceName, $"line {header.LineNumber}", $"the header row is malformed: {first.Problem}");
            if (header.Duplicate is not null) throw Refuse(sourceName, $"line {header.LineNumber}", header.Duplicate);

            var missing = requiredColumns.Where(c => header.IndexOf(c) is null).ToList();
            if (missing.Count > 0)
                throw Refuse(sourceName, $"line {header.LineNumber}",
                    $"missing required column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; " +
                    $"the header has: {header.Listing}");

            return new CsvRows(header, Rows(csv, header, sourceName, spreadsheetSafeText));
        }
        catch (CsvSyntaxException ex)
        {
            throw new InputRejectedException(new InputProblem(sourceName, $"line {ex.LineNumber}", ex.Message), ex);
        }
    }

    private static IEnumerable<Entry> Rows(CsvReader csv, CsvHeader header, string sourceName, bool spreadsheetSafeText)
    {
        while (true)
        {
            CsvRecord? record;
            try
            {
                record = csv.Read();
            }
            catch (CsvSyntaxException ex)
            {
                throw new InputRejectedException(new InputProblem(sourceName, $"line {ex.LineNumber}", ex.Message), ex);
            }

            if (record is null) yield break;
            if (!record.IsBlank) yield return new CsvEntry(header, record, spreadsheetSafeText);
        }
    }

    private static InputRejectedException Refuse(string source, string location, string message) =>
        new(new InputProblem(source, location, message));
}

/// <summary>A CSV sheet being read: its checked header, and its rows one at a time (enumerate once).</summary>
public sealed class CsvRows(CsvHeader header, IEnumerable<Entry> rows) : IEnumerable<Entry>
{
    public CsvHeader Header { get; } = header;

    public IEnumerator<Entry> GetEnumerator() => rows.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
