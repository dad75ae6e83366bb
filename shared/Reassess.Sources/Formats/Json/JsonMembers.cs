using System.Text.Json;
using Reassess.Core.Ingestion;

namespace Reassess.Sources.Formats.Json;

/// <summary>One member of a JSON object read by <see cref="JsonMembers"/>: its name, the member as an entry, and its value as parsed.</summary>
public sealed record JsonMember(string Name, JsonEntry Entry, JsonElement Value);

/// <summary>
/// Reads a JSON object whose members are the entries, keyed by name (LiteLLM's <c>{ "gpt-4o-mini": {…}, … }</c>), each
/// located by the line it starts on and its name. As with <see cref="JsonEntries"/>, a syntax error anywhere refuses
/// the whole input; a member whose value is not an object is one bad entry (the reader decides whether it is expected,
/// e.g. a version stamp).
/// </summary>
public static class JsonMembers
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="what">What the object holds, for messages: <c>models</c>.</param>
    public static IReadOnlyList<JsonMember> Read(byte[] content, string sourceName, string what)
    {
        ReadOnlySpan<byte> json = content;
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) json = json[3..];
        if (InputBytes.IsBlank(json))
            throw new InputRejectedException(new InputProblem(sourceName, "", $"the file is empty; expected a JSON object of {what}"));

        var members = new List<JsonMember>();
        var reader = new Utf8JsonReader(json, Options);
        // Lines are counted forward as the reader moves, so locating every member costs one pass over the bytes.
        var line = 1;
        var counted = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new InputRejectedException(new InputProblem(sourceName, "line 1",
                    $"expected a JSON object of {what} (name → entry); found {JsonSyntax.Describe(reader.TokenType)}"));

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex;
                line += json[counted..start].Count((byte)'\n');
                counted = start;
                var name = reader.GetString()!;
                reader.Read();
                var value = JsonElement.ParseValue(ref reader);
                members.Add(new JsonMember(name, JsonEntry.Named(line, members.Count + 1, name, value), value));
            }

            while (reader.Read())
            {
                // Reading to the end surfaces anything broken or left over after the object.
            }
        }
        catch (JsonException ex)
        {
            throw JsonSyntax.Refusal(sourceName, ex);
        }

        return members;
    }
}
