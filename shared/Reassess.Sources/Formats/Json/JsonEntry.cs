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

    public int LineNumber { get; }

    /// <summary>1-based position in the array.</summary>
    public int Index { get; }

    public override FieldValue Field(string name)
    {
        if (_value.ValueKind != JsonValueKind.Object) return FieldValue.Absent;
        foreach (var property in _value.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            var v = property.Value;
            return v.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => FieldValue.Absent,
                JsonValueKind.String => FieldValue.FromText(v.GetString()),
                JsonValueKind.Number => new FieldValue(FieldKind.Number, v.GetRawText()),
                _ => new FieldValue(FieldKind.Other, JsonSyntax.Describe(v)),
            };
        }

        return FieldValue.Absent;
    }
}
