using System.Text.Json;

namespace Reassess.Sources.Http;

/// <summary>
/// Tells a complete JSON body from a cut-off one without building a document: a chunked response that stops early has
/// no Content-Length to betray it, but its JSON does not close.
/// </summary>
internal static class JsonBodyCheck
{
    public static string? Problem(ReadOnlySpan<byte> body, HttpBody expected) => expected switch
    {
        HttpBody.Json => Document(body),
        HttpBody.JsonLines => Lines(body),
        _ => null,
    };

    private static string? Document(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read()) return "the body is empty where JSON was expected";
            reader.Skip();
            while (reader.Read())
            {
                // Anything after the document is as wrong as a missing end.
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"not complete JSON (stops at byte {reader.BytesConsumed:N0} of {body.Length:N0}: {e.Message.Split(" LineNumber:")[0]})";
        }
    }

    private static string? Lines(ReadOnlySpan<byte> body)
    {
        var line = 0;
        while (body.Length > 0)
        {
            line++;
            var end = body.IndexOf((byte)'\n');
            var current = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (current.Trim((byte)'\r').Trim((byte)' ').IsEmpty) continue;
            if (Document(current) is { } problem) return $"line {line} is {problem}";
        }

        return null;
    }
}
