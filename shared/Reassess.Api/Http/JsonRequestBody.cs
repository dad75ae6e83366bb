using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Reassess.Core.Ingestion;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Api.Http;

/// <summary>
/// A JSON request body, read, checked and parsed once before a handler takes it apart: declared as JSON in UTF-8 when
/// declared at all (415 otherwise), within the size limit (413), and JSON whose text and members can be read (400).
/// System.Text.Json decodes a string only when asked and refuses a repeated member only when it is looked up, so bytes
/// that are not UTF-8, an escaped half surrogate or a member given twice would otherwise end as a 500 from inside a
/// handler; they are found here, in passes over the bytes, before the one parse.
/// </summary>
public static class JsonRequestBody
{
    private static readonly JsonReaderOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonDocumentOptions LenientDocument = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <returns>The parsed body (null when the body is empty), or the problem to answer with instead.</returns>
    public static async Task<(JsonDocument? Json, IResult? Problem)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength != 0 && UnsupportedType(request.ContentType) is { } unsupported) return (null, unsupported);

        using var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null) return (null, Problems.TooLarge(limit));
        if (body.Length == 0) return (null, null);

        // The document keeps the bytes it was parsed from; the array outlives the stream that filled it.
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        try
        {
            JsonText.Check(bytes.Span, "body", Lenient);
            if (RepeatedMember(bytes.Span) is { } repeated) return (null, Problems.BadRequest(repeated));
            return (JsonDocument.Parse(bytes, LenientDocument), null);
        }
        catch (InputRejectedException e)
        {
            return (null, Problems.BadRequest(e.Problem));
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"line {e.LineNumber + 1}", "the body is not valid JSON."));
        }
    }

    /// <summary>The problem for a body a route needs but did not get.</summary>
    public static IResult Missing(string expected) => Problems.BadRequest("body", $"the body is empty; expected {expected}.");

    /// <summary>A 415 when the body is declared as something other than JSON, or in another charset than UTF-8; null when it is fine or undeclared.</summary>
    private static ProblemHttpResult? UnsupportedType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return Problems.UnsupportedMediaType($"Content-Type '{contentType}' cannot be read; send Content-Type: application/json.");

        var type = parsed.MediaType.Value ?? "";
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
                   || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        if (!json) return Problems.UnsupportedMediaType($"The body is declared as {type}; send JSON with Content-Type: application/json.");

        var charset = parsed.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : Problems.UnsupportedMediaType($"The body is declared as {charset}; send it as UTF-8 (Content-Type: application/json; charset=utf-8).");
    }

    /// <summary>The first member named twice in one object, as a problem; null when none is (or the JSON breaks first: the handler says where).</summary>
    private static InputProblem? RepeatedMember(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Lenient);
        var open = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        open.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;
                    case JsonTokenType.PropertyName when open.Peek() is { } names && !names.Add(reader.GetString()!):
                        var name = TextExcerpt.Of(reader.GetString()!);
                        return new InputProblem("body", name,
                            $"member '{name}' is given twice in one object (the second at byte {reader.TokenStartIndex:N0}); give it once so it is clear which value counts.");
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the handler's own parse reports it with its line.
        }

        return null;
    }
}
