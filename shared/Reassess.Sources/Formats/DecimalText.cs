using System.Globalization;
using System.Text.Json;

namespace Reassess.Sources.Formats;

/// <summary>
/// The one way numbers are read: as <see cref="decimal"/>, straight from their text, never through double
/// (money must not pick up binary rounding). Invariant culture: a dot is the decimal separator, no thousands separators.
/// </summary>
public static class DecimalText
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses <c>0.15</c>, <c>-2</c>, <c>1.5e-7</c>; refuses <c>NaN</c>, <c>Infinity</c>, <c>1,000</c> and <c>$2</c>.</summary>
    public static bool TryParse(string? text, out decimal value) =>
        decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads a JSON number as decimal (its text, not a double); false when it is not a number or out of decimal's range.</summary>
    public static bool TryGet(JsonElement number, out decimal value)
    {
        value = 0;
        if (number.ValueKind != JsonValueKind.Number) return false;
        return number.TryGetDecimal(out value) || TryParse(number.GetRawText(), out value);
    }
}
