using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Reassess.Core.Ingestion;

namespace Reassess.Sources.Formats.Json;

/// <summary>
/// Refuses JSON whose text cannot be read as characters: UTF-16 or UTF-32 instead of UTF-8, bytes inside a string
/// that are not UTF-8 (a Latin-1 export), or an escape that is half a surrogate pair (<c>\ud800</c>). System.Text.Json
/// checks the syntax as it reads but decodes a string only when asked, so such text would otherwise surface as an
/// <see cref="InvalidOperationException"/> in the middle of mapping an entry. Syntax errors are left to the caller's
/// own parse, which reports them as it always has.
/// </summary>
public static class JsonText
{
    private const string SaveAsUtf8 = "JSON must be UTF-8: save, export or send it as UTF-8";

    /// <param name="firstLine">The line <paramref name="json"/> starts on in its file (JSON lines are checked one at a time).</param>
    public static void Check(ReadOnlySpan<byte> json, string sourceName, JsonReaderOptions options, int firstLine = 1)
    {
        if (WideEncoding(json) is { } encoding)
            throw Refuse(sourceName, json, 0, firstLine, $"the text is {encoding}, not UTF-8; {SaveAsUtf8}");

        var reader = new Utf8JsonReader(json, options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) continue;
                // The token starts at its opening quote; the value after it.
                var valueStart = (int)reader.TokenStartIndex + 1;
                if (!reader.ValueIsEscaped)
                {
                    if (Utf8.IsValid(reader.ValueSpan)) continue;
                    var bad = valueStart + FirstInvalidByte(reader.ValueSpan);
                    throw Refuse(sourceName, json, bad, firstLine,
                        $"byte 0x{json[bad]:X2} in a string is not UTF-8 (the input is in another encoding, such as Latin-1, or damaged); {SaveAsUtf8}");
                }

                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw Refuse(sourceName, json, valueStart, firstLine,
                        "a string holds an escape that is no character (half of a \\uD800–\\uDFFF surrogate pair) or bytes that are not UTF-8; " +
                        "write the character itself, or both halves of the pair");
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error: the caller's parse meets it too and says where.
        }
    }

    /// <summary>"UTF-16" or "UTF-32" when a byte-order mark or the zero bytes around the first character say so; null otherwise.</summary>
    private static string? WideEncoding(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || json.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return "UTF-32";
        if (json.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || json.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return "UTF-16";
        // JSON starts with an ASCII character; in UTF-16 without a mark, one of its first two bytes is zero.
        return json.Length >= 2 && (json[0] == 0) != (json[1] == 0) ? "UTF-16" : null;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> text)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return at;
            at += consumed;
        }

        return at;
    }

    private static InputRejectedException Refuse(string sourceName, ReadOnlySpan<byte> json, int offset, int firstLine, string message)
    {
        var before = json[..offset];
        var line = firstLine + before.Count((byte)'\n');
        var position = offset - before.LastIndexOf((byte)'\n');
        return new InputRejectedException(new InputProblem(sourceName, $"line {line}, position {position}", message));
    }
}
