using System.Globalization;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;

namespace Reassess.Sources.Formats;

/// <summary>
/// Reads the typed fields of one <see cref="Entry"/> and collects what is wrong with them, so a reader maps its
/// fields in one straight run and then either adds its record or rejects the entry once, with every problem named.
/// All messages quote the value as written and say what would be accepted.
/// </summary>
public sealed class FieldReader(Entry entry)
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>What a price may be, said the same way by every reader.</summary>
    public const string PriceRule = "a price must be 0 or more";

    private readonly List<(string Field, string Message)> _problems = [];

    public Entry Entry { get; } = entry;

    /// <summary>True when the entry as a whole and every field read so far are fine.</summary>
    public bool IsValid => Entry.Problem is null && _problems.Count == 0;

    /// <summary>Trimmed text; null when not stated (a problem when <paramref name="required"/>).</summary>
    public string? Text(string name, bool required = false)
    {
        var value = Entry.Field(name);
        switch (value.Kind)
        {
            case FieldKind.Text or FieldKind.Number:
                return value.Text;
            case FieldKind.Absent:
                if (required) Missing(name);
                return null;
            default:
                Problem(name, $"expected text, found {value.Text}");
                return null;
        }
    }

    /// <summary>
    /// A decimal within [<paramref name="min"/>, <paramref name="max"/>]; null when not stated (a problem when
    /// <paramref name="required"/>). <paramref name="rule"/> says what is allowed, e.g. "a price must be 0 or more".
    /// </summary>
    public decimal? Decimal(string name, decimal? min, decimal? max, string rule, bool required = false)
    {
        if (!TryNumber(name, required, out var value, out var written)) return null;
        if (min is { } low && value < low)
            return Invalid(name, low == 0 ? $"{written} is negative; {rule}" : $"{written} is out of range; {rule}");
        if (max is { } high && value > high) return Invalid(name, $"{written} is out of range; {rule}");
        return value;
    }

    /// <summary>A price: a decimal of 0 or more, or null when the sheet does not state it.</summary>
    public decimal? Price(string name) => Decimal(name, 0m, null, PriceRule);

    /// <summary>A whole number of 0 or more (<c>12</c> or <c>12.0</c>, not <c>12.5</c>); <paramref name="defaultValue"/> when not stated.</summary>
    public long? Count(string name, long? defaultValue = null)
    {
        if (Entry.Field(name).Kind == FieldKind.Absent) return defaultValue;
        if (!TryNumber(name, required: false, out var value, out var written)) return null;
        if (value != decimal.Truncate(value)) return InvalidCount(name, $"{written} is not a whole number; a count is a whole number of 0 or more");
        if (value < 0) return InvalidCount(name, $"{written} is negative; a count must be 0 or more");
        if (value > long.MaxValue) return InvalidCount(name, $"{written} is too large for a count");
        return (long)value;
    }

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>; null when not stated (a problem when <paramref name="required"/>).</summary>
    public DateOnly? Date(string name, bool required = false)
    {
        var value = Entry.Field(name);
        if (value.Kind == FieldKind.Absent)
        {
            if (required) Missing(name);
            return null;
        }

        if (value.Kind == FieldKind.Text
            && DateOnly.TryParseExact(value.Text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;

        Problem(name, $"{value.Quoted} is not a date in the form {DateFormat} (e.g. 2026-01-31)");
        return null;
    }

    /// <summary>A price key <c>provider/model</c>, normalised to lower case.</summary>
    public (string Key, string Provider, string Model)? PriceKeyField(string name, bool required = true)
    {
        var text = Text(name, required);
        if (text is null) return null;
        if (PriceKey.TryParse(text, out var provider, out var model)) return (PriceKey.For(provider, model), provider, model);
        Problem(name, $"'{TextExcerpt.Of(text)}' is not a price key; write provider/model, e.g. openai/gpt-4o-mini");
        return null;
    }

    /// <summary>Records a problem with one field (for rules that span fields).</summary>
    public void Problem(string name, string message) => _problems.Add((name, message));

    /// <summary>Rejects the entry once: at the field when one field is wrong, at the entry listing each problem otherwise.</summary>
    public void RejectInto<TRecord>(ReadResultBuilder<TRecord> results)
    {
        if (Entry.Problem is not null)
        {
            results.Reject(Entry.Location, Entry.Problem);
            return;
        }

        if (_problems.Count == 1)
        {
            results.Reject(Entry.FieldLocation(_problems[0].Field), _problems[0].Message);
            return;
        }

        results.Reject(Entry.Location, string.Join("; ", _problems.Select(p => $"{Entry.FieldWord} {p.Field}: {p.Message}")));
    }

    private bool TryNumber(string name, bool required, out decimal value, out string written)
    {
        value = 0;
        var field = Entry.Field(name);
        written = field.Quoted;
        switch (field.Kind)
        {
            case FieldKind.Absent:
                if (required) Missing(name);
                return false;
            case FieldKind.Text or FieldKind.Number when DecimalText.TryParse(field.Text, out value):
                return true;
            case FieldKind.Text:
                Problem(name, $"{written} is not a number; write digits with a dot for decimals, e.g. 0.15");
                return false;
            case FieldKind.Number:
                Problem(name, $"{written} is too large or too precise to hold as a decimal");
                return false;
            default:
                Problem(name, $"expected a number, found {field.Text}");
                return false;
        }
    }

    private void Missing(string name) =>
        Problem(name, $"{(Entry.FieldWord == "column" ? "is empty" : "is missing")}; every {Entry.Noun} needs a {name}");

    private decimal? Invalid(string name, string message)
    {
        Problem(name, message);
        return null;
    }

    private long? InvalidCount(string name, string message)
    {
        Problem(name, message);
        return null;
    }
}
