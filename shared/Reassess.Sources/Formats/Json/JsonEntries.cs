using System.Text.Json;
using Reassess.Core.Ingestion;

namespace Reassess.Sources.Formats.Json;

/// <summary>
/// Reads a JSON array of objects into entries, each with the line it starts on: the document is either the array
/// itself or an object holding it under <c>arrayName</c> (e.g. <c>{ "prices": [ ... ] }</c>). A syntax error anywhere
/// refuses the whole input (nothing in a cut-off file is trusted); an array item that is not an object is one bad entry.
/// Comments and trailing commas are allowed, as hand-edited sheets have them.
/// </summary>
public static class JsonEntries
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<Entry> Read(byte[] content, string sourceName, string arrayName)
    {
        ReadOnlySpan<byte> json = content;
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) json = json[3..];
        if (InputBytes.IsBlank(json))
            throw new InputRejectedException(new InputProblem(sourceName, "", $"the file is empty; expected a JSON array of {arrayName} entries"));
        JsonText.Check(json, sourceName, Options);

        var entries = new List<Entry>();
        var reader = new Utf8JsonReader(json, Options);
        var lines = new LineCounter();
        try
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    ReadArray(ref reader, lines, json, entries);
                    break;
                case JsonTokenType.StartObject:
                    ReadWrapped(ref reader, lines, json, entries, sourceName, arrayName);
                    break;
                default:
                    throw new InputRejectedException(new InputProblem(sourceName, "line 1",
                        $"expected a JSON array of {arrayName} entries, or an object with a \"{arrayName}\" array; found {JsonSyntax.Describe(reader.TokenType)}"));
            }

            while (reader.Read())
            {
                // Reading to the end surfaces anything broken or left over after the array.
            }
        }
        catch (JsonException ex)
        {
            throw JsonSyntax.Refusal(sourceName, ex);
        }

        return entries;
    }

    /// <summary>
    /// Reads a JSON document that must be one object, such as an API answer (<c>{ "data": [...], "next_page": ... }</c>),
    /// as an entry whose nested lists are read with <see cref="JsonEntry.Items"/>. Syntax errors and a document that is
    /// not an object refuse the whole input; <paramref name="what"/> names what was expected, for that message.
    /// </summary>
    public static JsonEntry ReadObject(byte[] content, string sourceName, string what)
    {
        ReadOnlySpan<byte> json = content;
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) json = json[3..];
        if (InputBytes.IsBlank(json))
            throw new InputRejectedException(new InputProblem(sourceName, "", $"the answer is empty; expected {what}"));
        JsonText.Check(json, sourceName, Options);

        var reader = new Utf8JsonReader(json, Options);
        JsonElement document;
        try
        {
            document = JsonElement.ParseValue(ref reader);
            while (reader.Read())
            {
                // Reading to the end surfaces anything left over after the object.
            }
        }
        catch (JsonException ex)
        {
            throw JsonSyntax.Refusal(sourceName, ex);
        }

        if (document.ValueKind != JsonValueKind.Object)
            throw new InputRejectedException(new InputProblem(sourceName, "line 1", $"expected {what}; found {JsonSyntax.Describe(document)}"));
        return JsonEntry.Document(document);
    }

    private static void ReadWrapped(
        ref Utf8JsonReader reader, LineCounter lines, ReadOnlySpan<byte> json, List<Entry> entries, string sourceName, string arrayName)
    {
        var names = new List<string>();
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            names.Add(name);
            reader.Read();
            if (!found && reader.TokenType == JsonTokenType.StartArray && string.Equals(name, arrayName, StringComparison.OrdinalIgnoreCase))
            {
                ReadArray(ref reader, lines, json, entries);
                found = true;
            }
            else
            {
                reader.Skip();
            }
        }

        if (!found)
            throw new InputRejectedException(new InputProblem(sourceName, "line 1",
                $"expected a JSON array of {arrayName} entries, or an object with a \"{arrayName}\" array; " +
                $"the object has {(names.Count == 0 ? "no members" : "only " + string.Join(", ", names.Select(n => $"\"{n}\"")))}"));
    }

    private static void ReadArray(ref Utf8JsonReader reader, LineCounter lines, ReadOnlySpan<byte> json, List<Entry> entries)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            index++;
            var line = lines.LineAt(json, reader.TokenStartIndex);
            entries.Add(new JsonEntry(line, index, JsonElement.ParseValue(ref reader)));
        }
    }

    /// <summary>Counts line breaks as the reader moves forward, so each entry's line costs one pass over the bytes in all.</summary>
    private sealed class LineCounter
    {
        private int _line = 1;
        private long _scanned;

        public int LineAt(ReadOnlySpan<byte> json, long index)
        {
            if (index > _scanned)
            {
                _line += json[(int)_scanned..(int)index].Count((byte)'\n');
                _scanned = index;
            }

            return _line;
        }
    }
}
