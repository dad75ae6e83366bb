using System.Globalization;

namespace Reassess.Core.Reporting;

/// <summary>
/// The one way Reassess writes a CSV cell: <c>finance.csv</c>, the trends CSV and the daily rows of
/// <c>reassess usage import</c> all go through here.
/// <para>Text is made safe for spreadsheets (CSV injection, as OWASP describes it): Excel, LibreOffice and Google Sheets
/// evaluate a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula, and a leading tab or carriage
/// return can hide one of those from a check and still be skipped by the application, so a workload named
/// <c>=HYPERLINK("http://x","y")</c> would become a live link (or worse) in the sheet finance opens. A text cell that
/// starts with one of these six gets one leading <c>'</c>, which makes a spreadsheet take the cell as plain text.
/// Text that already starts with <c>'</c> characters followed by one of those gets one more, so the rule can be undone
/// without guessing: to get the original back, a reader drops the first character of a cell that starts with <c>'</c>
/// when the first character after its run of <c>'</c> is one of <c>= + - @</c>, tab or CR (<see cref="Original"/>).</para>
/// <para>Numbers and dates are written by Reassess itself in invariant form and are never prefixed: <c>-12.50</c> is a
/// negative amount, not a formula. Every cell is then quoted as RFC 4180 asks: a cell holding a comma, a double quote or
/// a line break is wrapped in double quotes with its quotes doubled.</para>
/// </summary>
public static class CsvCell
{
    /// <summary>The characters a spreadsheet treats as the start of a formula.</summary>
    public const string FormulaStarts = "=+-@\t\r";

    /// <summary>A text cell: neutralised when it could be read as a formula, then quoted per RFC 4180.</summary>
    public static string Text(string? value)
    {
        value ??= "";
        return Quoted(StartsFormula(value) ? "'" + value : value);
    }

    /// <summary>A number rounded (half away from zero) to <paramref name="decimals"/> places, invariant, never <c>-0</c>.</summary>
    public static string Number(decimal value, int decimals)
    {
        var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0m; // no "-0.00"
        return rounded.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>Money: a number with 2 decimals.</summary>
    public static string Money(decimal amount) => Number(amount, 2);

    /// <summary>An ISO date, <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The reader's half of <see cref="Text"/>: a cell's text (already unquoted) as it was before it was neutralised.
    /// Text that was never neutralised comes back as it is.
    /// </summary>
    public static string Original(string cell) => cell.StartsWith('\'') && StartsFormula(cell[1..]) ? cell[1..] : cell;

    /// <summary>True when <paramref name="value"/>, past any leading <c>'</c>, starts with a formula character.</summary>
    private static bool StartsFormula(string value)
    {
        var rest = value.AsSpan().TrimStart('\'');
        return rest.Length > 0 && FormulaStarts.Contains(rest[0]);
    }

    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
