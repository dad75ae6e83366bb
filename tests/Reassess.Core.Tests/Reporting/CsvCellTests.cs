using System.Globalization;
using Reassess.Core.Reporting;

namespace Reassess.Core.Tests.Reporting;

public class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")] // a carriage return also needs RFC 4180 quotes
    [InlineData("=1,2", "\"'=1,2\"")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_led_by_a_single_quote_and_quoted_when_rfc4180_asks(string value, string cell) =>
        Assert.Equal(cell, CsvCell.Text(value));

    [Theory]
    [InlineData("support-triage", "support-triage")]
    [InlineData("a=b", "a=b")]
    [InlineData("'quoted", "'quoted")]
    [InlineData(" =spaced", " =spaced")]
    [InlineData("R&D, \"Europe\"", "\"R&D, \"\"Europe\"\"\"")]
    [InlineData("", "")]
    public void Text_that_does_not_start_a_formula_is_only_quoted_as_rfc4180_asks(string value, string cell) =>
        Assert.Equal(cell, CsvCell.Text(value));

    [Fact]
    public void Missing_text_is_an_empty_cell() => Assert.Equal("", CsvCell.Text(null));

    [Theory]
    [InlineData("'=x", "''=x")]
    [InlineData("''-1", "'''-1")]
    public void Text_already_led_by_quotes_before_a_formula_character_gets_one_more_so_it_reads_back_unchanged(string value, string cell)
    {
        Assert.Equal(cell, CsvCell.Text(value));
        Assert.Equal(value, CsvCell.Original(cell));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1")]
    [InlineData("-cmd")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    [InlineData("'=x")]
    [InlineData("'quoted")]
    [InlineData("'")]
    [InlineData("support-triage")]
    [InlineData("")]
    public void Original_gives_back_the_text_that_was_neutralised(string value) =>
        Assert.Equal(value, CsvCell.Original(Unquoted(CsvCell.Text(value))));

    [Fact]
    public void Original_leaves_a_quote_that_was_not_added_by_neutralising()
    {
        Assert.Equal("'quoted", CsvCell.Original("'quoted"));
        Assert.Equal("'", CsvCell.Original("'"));
        Assert.Equal("'' ", CsvCell.Original("'' "));
    }

    [Theory]
    [InlineData("-12.5", 2, "-12.50")]
    [InlineData("-12.505", 2, "-12.51")] // half away from zero
    [InlineData("1234.5", 0, "1235")]
    [InlineData("-0.001", 2, "0.00")] // never "-0.00"
    public void Numbers_stay_numeric_and_a_negative_amount_is_not_led_by_a_quote(string value, int decimals, string cell) =>
        Assert.Equal(cell, CsvCell.Number(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void Money_has_two_decimals_and_dates_are_iso()
    {
        Assert.Equal("-12.50", CsvCell.Money(-12.5m));
        Assert.Equal("2026-11-16", CsvCell.Date(new DateOnly(2026, 11, 16)));
    }

    /// <summary>The text of an RFC 4180 cell, as a CSV reader hands it over.</summary>
    private static string Unquoted(string cell) =>
        cell.StartsWith('"') ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;
}
