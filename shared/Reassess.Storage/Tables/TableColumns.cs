using System.Globalization;
using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;

namespace Reassess.Storage.Tables;

/// <summary>
/// How values sit in table columns. Money and other decimals are invariant-culture strings, because the table
/// service has no decimal type and a double would lose cents; long text (the JSON copy of a record) is split over
/// numbered columns because one string column holds at most 32K characters.
/// </summary>
internal static class TableColumns
{
    /// <summary>Characters per text column: under the service's 32K-character (64 KiB) limit.</summary>
    internal const int TextChunk = 30_000;

    public static string? FromDecimal(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static decimal? Decimal(TableEntity entity, string column) =>
        entity.GetString(column) is { Length: > 0 } text
            ? decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)
            : null;

    public static decimal DecimalOrZero(TableEntity entity, string column) => Decimal(entity, column) ?? 0m;

    public static long Long(TableEntity entity, string column) => entity.GetInt64(column) ?? 0L;

    public static string String(TableEntity entity, string column) => entity.GetString(column) ?? "";

    public static DateOnly Day(TableEntity entity, string column) =>
        DateOnly.ParseExact(String(entity, column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="text"/> to <c>column</c>, <c>column2</c>, <c>column3</c>… as needed.</summary>
    public static void SetText(TableEntity entity, string column, string text)
    {
        var part = 1;
        for (var start = 0; start < text.Length || part == 1; part++)
        {
            var end = Math.Min(text.Length, start + TextChunk);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1])) end--;
            entity[part == 1 ? column : column + part] = text[start..end];
            start = end;
        }
    }

    /// <summary>Binary columns hold at most 64 KiB; larger compressed text goes to text columns instead.</summary>
    private const int MaxBinaryBytes = 64 * 1024;

    /// <summary>
    /// Writes <paramref name="text"/> Brotli-compressed to <c>{column}Br</c>, or as text columns if it would not fit
    /// one binary column. JSON documents shrink to about a quarter, which is most of what a weekly run sends.
    /// </summary>
    public static void SetCompressedText(TableEntity entity, string column, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        // Quality 1 is Brotli's fastest and already gets most of the gain on JSON.
        if (BrotliEncoder.TryCompress(bytes, compressed, out var written, quality: 1, window: 22) && written <= MaxBinaryBytes)
            entity[column + "Br"] = compressed.AsSpan(0, written).ToArray();
        else
            SetText(entity, column, text);
    }

    /// <summary>Reads what <see cref="SetCompressedText"/> or <see cref="SetText"/> wrote.</summary>
    public static string? GetCompressedText(TableEntity entity, string column)
    {
        if (entity.GetBinary(column + "Br") is not { } compressed) return GetText(entity, column);
        using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static string? GetText(TableEntity entity, string column)
    {
        if (entity.GetString(column) is not { } first) return null;
        if (first.Length < TextChunk - 1) return first;
        var parts = new List<string> { first };
        for (var part = 2; entity.GetString(column + part) is { } next; part++) parts.Add(next);
        return string.Concat(parts);
    }
}
