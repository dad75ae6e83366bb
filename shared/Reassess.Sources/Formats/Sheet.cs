using System.Text;
using Reassess.Core.Reporting;
using Reassess.Sources.Formats.Csv;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Formats;

/// <summary>
/// What a sheet that may come as CSV or JSON looks like: the name of the array in the wrapped JSON form
/// (<c>{ "prices": [...] }</c>) and the CSV columns without which no row can be read. <paramref name="SpreadsheetSafeText"/>
/// says the sheet is one Reassess also writes as CSV, text cells neutralised by <see cref="CsvCell"/>; its CSV cells are
/// read back as they were before (JSON is never neutralised).
/// </summary>
public sealed record SheetShape(string JsonArrayName, IReadOnlyList<string> RequiredColumns, bool SpreadsheetSafeText = false);

/// <summary>
/// Reads a sheet that is CSV or JSON, told apart by its first character that is not white space
/// (<c>[</c> or <c>{</c> means JSON), into format-neutral entries. Every CSV-or-JSON reader goes through here.
/// <para>CSV rows are handed out one at a time as the caller asks (the header is checked at once): a damaged file of
/// a million two-byte lines would otherwise be held as a million entries, a hundred times its size.</para>
/// </summary>
public static class Sheet
{
    public static async Task<IEnumerable<Entry>> ReadAsync(
        Stream content, string sourceName, SheetShape shape, CancellationToken cancellationToken)
    {
        var bytes = await InputBytes.ReadAllAsync(content, cancellationToken).ConfigureAwait(false);
        if (InputBytes.LooksLikeJson(bytes)) return JsonEntries.Read(bytes, sourceName, shape.JsonArrayName);
        var text = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return CsvSheet.Open(text, sourceName, shape.RequiredColumns, shape.SpreadsheetSafeText);
    }
}
