using System.Text.Json;
using Reassess.Core.Ingestion;

namespace Reassess.Sources.Formats.Json;

/// <summary>Turns a JSON syntax error into a refusal that names the file, the line and position, and what broke.</summary>
public static class JsonSyntax
{
    public static InputRejectedException Refusal(string sourceName, JsonException error)
    {
        var location = error.LineNumber is { } line
            ? $"line {line + 1}, position {(error.BytePositionInLine ?? 0) + 1}"
            : "";
        var detail = error.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = detail.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) detail = detail[..cut];
        // The message quotes the broken token, which in a damaged file can run for megabytes.
        detail = TextExcerpt.Of(detail);
        return new InputRejectedException(
            new InputProblem(sourceName, location,
                $"not valid JSON ({detail.Trim().TrimEnd('.')}); check that the file is complete, not cut off, and is JSON"),
            error);
    }

    /// <summary>How a problem names a JSON value of the wrong kind.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text '{TextExcerpt.Of(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {TextExcerpt.Of(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>How a problem names a token of the wrong kind.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
