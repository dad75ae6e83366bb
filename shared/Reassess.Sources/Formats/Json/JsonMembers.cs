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
        JsonText.Check(json, sourceName, Options);

        // One document for the values, and a reader pass for where each member starts: parsing member by member
        // would build thousands of small documents.
        JsonDocument document;
        var starts = new List<int>();
        try
        {
            var reader = new Utf8JsonReader(json, Options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new InputRejectedException(new InputProblem(sourceName, "line 1",
                    $"expected a JSON object of {what} (name → entry); found {JsonSyntax.Describe(reader.TokenType)}"));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                starts.Add((int)reader.TokenStartIndex);
                reader.Read();
                reader.Skip();
            }

            while (reader.Read())
            {
                // Reading to the end surfaces anything broken or left over after the object.
            }

            document = JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw JsonSyntax.Refusal(sourceName, ex);
        }

        // Not disposed: the members' values live in it; its pooled buffers go to the garbage collector instead of back to the pool.
        var members = new List<JsonMember>(starts.Count);
        var line = 1;
        var counted = 0;
        var index = 0;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var start = starts[index];
            line += json[counted..start].Count((byte)'\n');
            counted = start;
            members.Add(new JsonMember(property.Name, JsonEntry.Named(line, ++index, property.Name, property.Value), property.Value));
        }

        return members;
    }
}
