using System.Text;
using Reassess.Core.Ingestion;

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

    public static IReadOnlyList<Entry> Read(TextReader content, string sourceName, IReadOnlyCollection<string> requiredColumns)
    {
        var csv = new CsvReader(content);
        try
        {
            var first = csv.ReadAll().FirstOrDefault(r => !r.IsBlank)
                        ?? throw Refuse(sourceName, "", $"the file is empty; expected a header row naming the columns ({string.Join(", ", requiredColumns)}, …)");
            var header = new CsvHeader(first);
            if (first.Problem is not null) throw Refuse(sourceName, $"line {header.LineNumber}", $"the header row is malformed: {first.Problem}");
            if (header.Duplicate is not null) throw Refuse(sourceName, $"line {header.LineNumber}", header.Duplicate);

            var missing = requiredColumns.Where(c => header.IndexOf(c) is null).ToList();
            if (missing.Count > 0)
                throw Refuse(sourceName, $"line {header.LineNumber}",
                    $"missing required column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; " +
                    $"the header has: {header.Listing}");

            return csv.ReadAll().Where(r => !r.IsBlank).Select(r => (Entry)new CsvEntry(header, r)).ToList();
        }
        catch (CsvSyntaxException ex)
        {
            throw new InputRejectedException(new InputProblem(sourceName, $"line {ex.LineNumber}", ex.Message), ex);
        }
    }

    private static InputRejectedException Refuse(string source, string location, string message) =>
        new(new InputProblem(source, location, message));
}
