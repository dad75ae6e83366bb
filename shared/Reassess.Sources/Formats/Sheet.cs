using Reassess.Sources.Formats.Csv;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Formats;

/// <summary>
/// What a sheet that may come as CSV or JSON looks like: the name of the array in the wrapped JSON form
/// (<c>{ "prices": [...] }</c>) and the CSV columns without which no row can be read.
/// </summary>
public sealed record SheetShape(string JsonArrayName, IReadOnlyList<string> RequiredColumns);

/// <summary>
/// Reads a sheet that is CSV or JSON, told apart by its first character that is not white space
/// (<c>[</c> or <c>{</c> means JSON), into format-neutral entries. Every CSV-or-JSON reader goes through here.
/// </summary>
public static class Sheet
{
    public static async Task<IReadOnlyList<Entry>> ReadAsync(
        Stream content, string sourceName, SheetShape shape, CancellationToken cancellationToken)
    {
        var bytes = await InputBytes.ReadAllAsync(content, cancellationToken).ConfigureAwait(false);
        return InputBytes.LooksLikeJson(bytes)
            ? JsonEntries.Read(bytes, sourceName, shape.JsonArrayName)
            : CsvSheet.Read(bytes, sourceName, shape.RequiredColumns);
    }
}
