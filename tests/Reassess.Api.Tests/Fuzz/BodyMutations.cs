using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Reassess.Sources.Tests.Fuzz;

namespace Reassess.Api.Tests.Fuzz;

/// <summary>The ways a request body is broken, each with the answer it must get.</summary>
public enum BodyKind
{
    /// <summary>Nothing, or only blanks (400; a route where no body is valid gets blanks only).</summary>
    Empty,

    /// <summary>Cut off before its end (400).</summary>
    Truncated,

    /// <summary>Bytes flipped, put in or taken out until it is no longer JSON (400).</summary>
    BrokenBytes,

    /// <summary>A chunk repeated past the body limit, sent with its Content-Length (413).</summary>
    Huge,

    /// <summary>The same, sent chunked, so the size is only known by reading (413).</summary>
    HugeChunked,

    /// <summary>Arrays or objects 10,000 deep (400).</summary>
    DeepNesting,

    /// <summary>UTF-16 or UTF-32 sent as plain application/json (400).</summary>
    WrongEncoding,

    /// <summary>Declared in a charset other than UTF-8 (415).</summary>
    DeclaredCharset,

    /// <summary>Declared as something other than JSON: text, a form, XML (415).</summary>
    WrongContentType,

    /// <summary>Bytes that are not UTF-8, or escapes that are no character, inside its strings (400).</summary>
    InvalidText,

    /// <summary>Well-formed JSON with one value of the wrong kind: an object for a number, text for a list (400).</summary>
    WrongTypes,

    /// <summary>Well-formed JSON with one member given twice in the same object (400).</summary>
    RepeatedMember,

    /// <summary>Random bytes, text or punctuation instead of the body (400, or 413 when longer than the limit).</summary>
    RandomBytes,

    /// <summary>
    /// Well-formed JSON with numbers out of range of decimal or long, <c>1e-400</c>, <c>-0</c>: refused or answered, never a
    /// 5xx. Only for routes that store nothing, as some such numbers are valid and would be stored.
    /// </summary>
    ExtremeNumbers,
}

/// <summary>One broken body, how it is sent, the status it must get (null: any answer but a 5xx), and how to replay it.</summary>
public sealed record FuzzBody(int Seed, int Index, BodyKind Kind, string Change, byte[] Bytes, string? ContentType, bool Chunked, int? ExpectedStatus)
{
    public override string ToString() =>
        $"seed {Seed}, body {Index} ({Kind}: {Change}; {Bytes.Length:N0} bytes as {ContentType ?? "no Content-Type"}{(Chunked ? ", chunked" : "")})";
}

/// <summary>
/// Seeded broken request bodies built from a valid one with <see cref="InputMutations"/>. Byte-level breakage is kept
/// only when the result is no longer well-formed JSON, and the typed breakage (wrong kinds, repeated members) only ever
/// makes a body the contract refuses: so every body must be refused, and a write route that stores one is a bug.
/// </summary>
public static class BodyMutations
{
    private static readonly string[] NotJson = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=----fuzz", "application/xml", "text/csv", "application/octet-stream"];

    public static IReadOnlyList<BodyKind> AllKinds { get; } = Enum.GetValues<BodyKind>();

    /// <summary>Every kind that must be refused: all but <see cref="BodyKind.ExtremeNumbers"/>.</summary>
    public static IReadOnlyList<BodyKind> RefusedKinds { get; } = [.. AllKinds.Where(k => k != BodyKind.ExtremeNumbers)];

    public static IEnumerable<FuzzBody> Generate(byte[] valid, int seed, int count, int limit, bool emptyIsValid, IReadOnlyList<BodyKind> kinds)
    {
        for (var index = 0; index < count; index++) yield return Make(valid, seed, index, kinds[index % kinds.Count], limit, emptyIsValid);
    }

    public static FuzzBody Make(byte[] valid, int seed, int index, BodyKind kind, int limit, bool emptyIsValid)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var json = random.Next(4) == 0 ? null : "application/json";
        FuzzBody Body(string change, byte[] bytes, int? status, string? contentType = "application/json", bool chunked = false)
        {
            // Where no body is valid (reassess everything), a mutation that removed every byte sends a blank instead.
            if (emptyIsValid && bytes.Length == 0) (change, bytes) = ($"{change}, then a blank", " "u8.ToArray());
            return new(seed, index, kind, change, bytes, contentType, chunked, bytes.Length > limit && status is 400 or null ? 413 : status);
        }

        switch (kind)
        {
            case BodyKind.Empty:
                var blank = emptyIsValid ? random.Next(2) == 0 ? " " : "\r\n" : random.Next(2) == 0 ? "" : " \n";
                return Body($"'{blank.Replace("\r", "\\r").Replace("\n", "\\n")}'", Encoding.UTF8.GetBytes(blank), 400, json);
            case BodyKind.Truncated:
                var end = valid.AsSpan().TrimEnd(" \r\n\t"u8).Length;
                var at = random.Next(1, end);
                return Body($"cut at byte {at:N0} of {valid.Length:N0}", valid[..at], 400, json);
            case BodyKind.BrokenBytes:
                var (change, broken) = Broken(valid, random, MutationKind.FlipBytes, MutationKind.InsertBytes, MutationKind.DropChunk, MutationKind.Stacked);
                return Body(change, broken, 400, json);
            case BodyKind.Huge or BodyKind.HugeChunked:
                var (grown, huge) = InputMutations.Huge(valid, random, limit + 1 + random.Next(2 * limit));
                return Body(grown, huge, 413, json, chunked: kind == BodyKind.HugeChunked);
            case BodyKind.DeepNesting:
                var (nested, deep) = InputMutations.DeepNesting(valid, random);
                return Body(nested, deep, 400, json);
            case BodyKind.WrongEncoding:
                var (encoded, wide) = InputMutations.Utf16(valid, random);
                return Body(encoded, wide, 400, json);
            case BodyKind.DeclaredCharset:
                var charset = random.Next(3) switch { 0 => "utf-16", 1 => "iso-8859-1", _ => "windows-1252" };
                var declared = charset == "utf-16" ? InputMutations.Utf16(valid, random) : InputMutations.Latin1(valid, random);
                return Body(declared.Item1, declared.Item2, 415, $"application/json; charset={charset}");
            case BodyKind.WrongContentType:
                var type = NotJson[random.Next(NotJson.Length)];
                return Body("the valid body", valid, 415, type);
            case BodyKind.InvalidText:
                var (bad, text) = Broken(valid, random, MutationKind.InvalidUtf8, MutationKind.BadEscape, MutationKind.Latin1);
                return Body(bad, text, 400, json);
            case BodyKind.WrongTypes:
                var (typed, wrong) = WrongType(valid, random);
                return Body(typed, wrong, 400, json);
            case BodyKind.RepeatedMember:
                var (repeated, twice) = RepeatMember(valid, random);
                return Body(repeated, twice, 400, json);
            case BodyKind.RandomBytes:
                var (noise, bytes) = Broken(valid, random, MutationKind.RandomBytes);
                return Body(noise, bytes, 400, json);
            default:
                var (numbers, extreme) = InputMutations.ExtremeNumber(valid, random);
                return Body(numbers, extreme, null, json);
        }
    }

    /// <summary>True when a strict client would call the bytes JSON: UTF-8, well-formed, every string readable, no member twice.</summary>
    public static bool IsWellFormed(byte[] bytes)
    {
        if (!Utf8.IsValid(bytes)) return false;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Readable(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A mutation of one of <paramref name="kinds"/> that leaves the body no longer JSON (a few tries; a cut-off body at worst).</summary>
    private static (string, byte[]) Broken(byte[] valid, Random random, params MutationKind[] kinds)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (change, bytes) = InputMutations.Apply(kinds[random.Next(kinds.Length)], valid, random);
            if (!IsWellFormed(bytes)) return (change, bytes);
        }

        return ($"cut at byte {valid.Length / 2:N0}", valid[..(valid.Length / 2)]);
    }

    /// <summary>One value, anywhere in the body, replaced by one of a kind no field of its name takes (never a number for text: text fields may take numbers).</summary>
    private static (string, byte[]) WrongType(byte[] valid, Random random)
    {
        var root = JsonNode.Parse(valid)!;
        var candidates = Nodes(root, "$").Where(n => n.Node is not null).ToList();
        var (path, node) = candidates[random.Next(candidates.Count)];
        string[] replacements = node!.GetValueKind() switch
        {
            JsonValueKind.Object => ["[]", "\"an object\"", "42", "true"],
            JsonValueKind.Array => ["{}", "\"a list\"", "7", "false"],
            JsonValueKind.String => ["{}", "[]", "true", "{\"nested\": 1}"],
            JsonValueKind.Number => ["\"not a number\"", "{}", "[]", "true"],
            _ => ["\"yes\"", "1", "{}", "[]"],
        };
        var replacement = JsonNode.Parse(replacements[random.Next(replacements.Length)]);
        if (node.Parent is null) return ($"the whole body replaced by {replacement!.ToJsonString()}", Encoding.UTF8.GetBytes(replacement!.ToJsonString()));
        node.ReplaceWith(replacement);
        return ($"{path} replaced by {replacement!.ToJsonString()}", Encoding.UTF8.GetBytes(root.ToJsonString()));
    }

    /// <summary>One member of one object written twice (JsonObject cannot hold that, so the text is written by hand).</summary>
    private static (string, byte[]) RepeatMember(byte[] valid, Random random)
    {
        var root = JsonNode.Parse(valid)!;
        var objects = Nodes(root, "$").Where(n => n.Node is JsonObject { Count: > 0 }).Select(n => (n.Path, Object: (JsonObject)n.Node!)).ToList();
        var (path, target) = objects[random.Next(objects.Count)];
        var member = target.ElementAt(random.Next(target.Count)).Key;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, root, target, member);
        return ($"{path}.{member} given twice", buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, JsonNode target, string member)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value, target, member);
                    if (!ReferenceEquals(obj, target) || name != member) continue;
                    writer.WritePropertyName(name);
                    Write(writer, value, target, member);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item, target, member);
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static IEnumerable<(string Path, JsonNode? Node)> Nodes(JsonNode? node, string path)
    {
        yield return (path, node);
        var children = node switch
        {
            JsonObject obj => obj.Select(p => ($"{path}.{p.Key}", p.Value)),
            JsonArray array => array.Select((item, i) => ($"{path}[{i}]", item)),
            _ => [],
        };
        foreach (var (childPath, child) in children)
            foreach (var found in Nodes(child, childPath))
                yield return found;
    }

    private static bool Readable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                    if (!names.Add(property.Name) || !Readable(property.Value))
                        return false;
                return true;
            case JsonValueKind.Array:
                return element.EnumerateArray().All(Readable);
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            default:
                return true;
        }
    }
}
