using Reassess.Core.Reporting;

namespace Reassess.Core.Tests.Reporting;

public class ReportFormatTests
{
    [Theory]
    [InlineData("1234.56", "$1,234.56")]
    [InlineData("0", "$0.00")]
    [InlineData("-220.5", "\u2212$220.50")]
    [InlineData("-0.001", "$0.00")]
    [InlineData("1234567.895", "$1,234,567.90")]
    public void Money_has_dollar_sign_separators_and_two_decimals(string amount, string expected) =>
        Assert.Equal(expected, ReportFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.00049", "$0.00049")]
    [InlineData("0.0125", "$0.0125")]
    [InlineData("2", "$2.00")]
    public void Per_call_money_keeps_fractions_of_a_cent(string amount, string expected) =>
        Assert.Equal(expected, ReportFormat.MoneyPerCall(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("950", "950")]
    [InlineData("120000", "120.0k")]
    [InlineData("10000892.86", "10.0M")]
    [InlineData("8714728", "8.7M")]
    [InlineData("999960", "1.0M")]
    [InlineData("61224490", "61.2M")]
    [InlineData("2500000000", "2.5B")]
    [InlineData("10000000000000", "10.0T")]
    public void Calls_are_scaled_with_one_decimal(string calls, string expected) =>
        Assert.Equal(expected, ReportFormat.Calls(decimal.Parse(calls, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Months_have_one_decimal_and_missing_payback_is_said_in_words()
    {
        Assert.Equal("9.6", ReportFormat.Months(9.584m));
        Assert.Equal("9.6 months", ReportFormat.Payback(9.584m));
        Assert.Equal("not within 120 months", ReportFormat.Payback(null));
    }

    [Fact]
    public void Percentages_from_shares_and_signed_changes()
    {
        Assert.Equal("0.9%", ReportFormat.Percent(0.009m));
        Assert.Equal("\u221212.9%", ReportFormat.PercentChange(-12.86m));
        Assert.Equal("+250.0%", ReportFormat.PercentChange(250m));
        Assert.Equal("0.0%", ReportFormat.PercentChange(-0.01m));
    }

    [Fact]
    public void Instants_are_shown_in_utc()
    {
        var local = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal("2026-11-23 06:00 UTC", ReportFormat.Instant(local));
        Assert.Equal("2026-11-23", ReportFormat.Date(local));
    }

    [Fact]
    public void An_undated_price_reads_as_in_force_since_first_seen()
    {
        Assert.Equal("undated (since first seen)", ReportFormat.EffectiveFrom(DateTimeOffset.UnixEpoch));
        Assert.Equal("2026-10-01", ReportFormat.EffectiveFrom(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
