using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.Focus;

/// <summary>
/// A FOCUS row as an <see cref="Entry"/>, where the literal text <c>NULL</c> (which real exports write for empty
/// values) means "not stated", like an empty cell.
/// </summary>
public sealed class FocusEntry(Entry row) : Entry(row.Location, row.FieldWord, row.Noun, row.Problem)
{
    public override FieldValue Field(string name)
    {
        var value = row.Field(name);
        return value.Kind == FieldKind.Text && value.Text.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? FieldValue.Absent : value;
    }
}
