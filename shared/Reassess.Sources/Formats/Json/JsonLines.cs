using System.Text.Json;
using Reassess.Core.Ingestion;

namespace Reassess.Sources.Formats.Json;

/// <summary>
/// Reads JSON lines (NDJSON): one JSON value per non-blank line, each an entry located by its line. A line that is not
/// complete JSON refuses the whole input, as a cut-off file would have it: nothing in a truncated export is trusted.
/// </summary>
public static class JsonLines
{
    public static IReadOnlyList<JsonEntry> Read(byte[] content, string sourceName)
    {
        ReadOnlySpan<byte> rest = content;
        if (rest.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) rest = rest[3..];
        var entries = new List<JsonEntry>();
        var lineNumber = 0;
        while (rest.Length > 0)
        {
            lineNumber++;
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (InputBytes.IsBlank(line)) continue;
            JsonText.Check(line, sourceName, default, lineNumber);
            try
            {
                var reader = new Utf8JsonReader(line);
                var value = JsonElement.ParseValue(ref reader);
                if (reader.Read())
                    throw new InputRejectedException(new InputProblem(sourceName, $"line {lineNumber}",
                        "holds more than one JSON value; JSON lines put one value on each line"));
                entries.Add(new JsonEntry(lineNumber, entries.Count + 1, value));
            }
            catch (JsonException ex)
            {
                var refusal = JsonSyntax.Refusal(sourceName, ex).Problem;
                throw new InputRejectedException(refusal with
                {
                    Location = $"line {lineNumber}",
                    Message = refusal.Message.Replace("is JSON", "has one JSON object per line", StringComparison.Ordinal),
                }, ex);
            }
        }

        if (entries.Count == 0)
            throw new InputRejectedException(new InputProblem(sourceName, "", "the file is empty; expected one JSON object per line"));
        return entries;
    }

    /// <summary>True when the input holds a JSON value followed by more on a later line (NDJSON), not one document.</summary>
    public static bool LooksLikeJsonLines(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            if (!reader.Read()) return false;
            reader.Skip();
            return reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
