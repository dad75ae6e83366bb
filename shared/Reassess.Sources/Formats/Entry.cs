namespace Reassess.Sources.Formats;

/// <summary>
/// One entry of a sheet, whatever its format: a CSV row or an object in a JSON array. Readers ask it for fields by
/// their canonical (camelCase) name and never care which format the entry came from.
/// </summary>
public abstract class Entry(string location, string fieldWord, string noun, string? problem)
{
    /// <summary>Where the entry is, for problems: <c>line 7</c> (CSV) or <c>line 7 (entry 3)</c> (JSON).</summary>
    public string Location { get; } = location;

    /// <summary>What a field is called in this format: <c>column</c> (CSV) or <c>field</c> (JSON).</summary>
    public string FieldWord { get; } = fieldWord;

    /// <summary>What an entry is called in this format: <c>row</c> (CSV) or <c>entry</c> (JSON).</summary>
    public string Noun { get; } = noun;

    /// <summary>Set when the entry as a whole is malformed (wrong number of CSV fields, a JSON value that is not an object).</summary>
    public string? Problem { get; } = problem;

    /// <summary>Where one field of this entry is: <c>line 7, column outputPerMTok</c>.</summary>
    public string FieldLocation(string name) => $"{Location}, {FieldWord} {name}";

    /// <summary>The field's value; <see cref="FieldKind.Absent"/> when it is missing, empty or null.</summary>
    public abstract FieldValue Field(string name);
}

public enum FieldKind
{
    /// <summary>Not there, empty, blank or JSON null: "not stated".</summary>
    Absent,

    /// <summary>Text (a CSV cell or a JSON string), trimmed.</summary>
    Text,

    /// <summary>A JSON number, kept as written so it can be read as decimal without going through double.</summary>
    Number,

    /// <summary>A JSON value of a kind no field accepts (true, false, an object, a list).</summary>
    Other,
}

/// <summary>A field's value as written. <see cref="Text"/> is the trimmed text, the number as written, or a description
/// of a value of another kind (<c>true</c>, <c>an object</c>).</summary>
public readonly record struct FieldValue(FieldKind Kind, string Text)
{
    public static FieldValue Absent { get; } = new(FieldKind.Absent, "");

    public static FieldValue FromText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Absent : new FieldValue(FieldKind.Text, text.Trim());

    /// <summary>How a problem message names the value: quoted when it is text or a number, described otherwise.</summary>
    public string Quoted => Kind switch
    {
        FieldKind.Text or FieldKind.Number => $"'{TextExcerpt.Of(Text)}'",
        FieldKind.Absent => "nothing",
        _ => Text,
    };
}
