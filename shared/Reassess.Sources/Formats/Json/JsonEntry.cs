using System.Text.Json;

namespace Reassess.Sources.Formats.Json;

/// <summary>An object in a JSON array as an <see cref="Entry"/>: fields by name (any case), located by line and position in the array.</summary>
public sealed class JsonEntry : Entry
{
    private readonly JsonElement _value;

    public JsonEntry(int lineNumber, int index, JsonElement value)
        : base($"line {lineNumber} (entry {index})", "field", "entry",
            value.ValueKind == JsonValueKind.Object ? null : $"expected an object, found {JsonSyntax.Describe(value)}")
    {
        LineNumber = lineNumber;
        Index = index;
        _value = value;
    }

    /// <summary>An object nested in another entry, located by its path from there (<c>line 7 (entry 3), results[2]</c>).</summary>
    private JsonEntry(JsonEntry parent, string path, JsonElement value)
        : this(parent.Location.Length == 0 ? path : $"{parent.Location}, {path}", parent.LineNumber, parent.Index, value)
    {
    }

    private JsonEntry(string location, int lineNumber, int index, JsonElement value)
        : base(location, "field", "entry",
            value.ValueKind == JsonValueKind.Object ? null : $"expected an object, found {JsonSyntax.Describe(value)}")
    {
        LineNumber = lineNumber;
        Index = index;
        _value = value;
    }

    /// <summary>An item of a request body already parsed, located by its place: <c>entry 2</c>, or <c>body</c> for a lone object.</summary>
    public static JsonEntry InBody(int index, JsonElement value, bool alone = false) =>
        new(alone ? "body" : $"entry {index}", 1, index, value);

    /// <summary>A whole JSON document that is one object (an API answer with its list inside), located by paths from its top.</summary>
    public static JsonEntry Document(JsonElement value) => new("", 1, 0, value);

    /// <summary>A member of a JSON object keyed by name (LiteLLM's model map), located by line and name: <c>line 12 (entry "gpt-4o-mini")</c>.</summary>
    public static JsonEntry Named(int lineNumber, int index, string name, JsonElement value) =>
        new($"line {lineNumber} (entry \"{name}\")", lineNumber, index, value);

    public int LineNumber { get; }

    /// <summary>1-based position in the array.</summary>
    public int Index { get; }

    /// <summary>
    /// The items of an array field, each as an entry located inside this one (<c>…, results[2]</c>), for API answers that
    /// nest lists (buckets of results, series of points). An absent or null field is an empty list; a field that is not a
    /// list is one bad item whose <see cref="Entry.Problem"/> says so.
    /// </summary>
    public IReadOnlyList<JsonEntry> Items(string name)
    {
        if (Member(name) is not { } list || list.ValueKind is JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) return [new JsonEntry(this, name, list)];
        var items = new List<JsonEntry>(list.GetArrayLength());
        var i = 0;
        foreach (var item in list.EnumerateArray()) items.Add(new JsonEntry(this, $"{name}[{i++}]", item));
        return items;
    }

    /// <summary>An object field as an entry located inside this one; null when the field is absent or null.</summary>
    public JsonEntry? Object(string name) =>
        Member(name) is { ValueKind: not JsonValueKind.Null } value ? new JsonEntry(this, name, value) : null;

    public override FieldValue Field(string name)
    {
        if (Member(name) is not { } v) return FieldValue.Absent;
        return v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => FieldValue.Absent,
            JsonValueKind.String => FieldValue.FromText(v.GetString()),
            JsonValueKind.Number => new FieldValue(FieldKind.Number, v.GetRawText()),
            _ => new FieldValue(FieldKind.Other, JsonSyntax.Describe(v)),
        };
    }

    private JsonElement? Member(string name)
    {
        if (_value.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in _value.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }
}
