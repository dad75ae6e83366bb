using System.Globalization;
using NCrontab;
using Reassess.Host.Scheduling.Schedules;

namespace Reassess.Host.Tests.Scheduling;

/// <summary>
/// The self-host's schedules against NCrontab read the way the Functions host reads them (6 fields with seconds,
/// 5 without): the same occurrences, and a project message wherever NCrontab refuses, misreads or never fires.
/// </summary>
public class NCrontabLibraryTests
{
    public static TheoryData<string> Expressions =>
    [
        // the catalog's defaults
        "0 0 5 * * *", "0 30 * * * *", "0 0 6 * * 1", "0 0 7 * * 1",
        // steps, ranges, lists, seconds
        "*/15 * * * * *", "0 */15 * * * *", "0 5/15 * * * *", "0 1-30/5 9-17 * * *", "0 0 0 1 */3 *", "5,20-25 * * * * *",
        // the 5-field form
        "30 9 * * 1-5", "*/10 * * * *", "15,45 8-18/2 * * *",
        // English names, any case and prefix, reversed ranges
        "0 30 9 * Jan Mon", "0 0 12 * * MON-FRI", "0 0 12 * * FRI-MON", "0 0 12 * * sat,SUNDAY", "0 0 0 1 Ju *", "0 0 0 * dec-feb tues",
        // day-of-month AND day-of-week, month ends, leap days
        "0 0 0 13 * FRI", "0 0 0 1-7 * MON", "0 0 0 29 2 MON", "0 0 0 31 * *", "0 0 0 29 2 *",
    ];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Occurrences_are_the_ones_the_Functions_host_computes(string expression)
    {
        var schedule = NCrontabSchedule.Parse(expression);
        var functions = CrontabSchedule.Parse(expression, AsFunctionsReadsIt(expression));

        foreach (var after in new[] { Instant("2026-01-01T00:00:00Z"), Instant("2027-02-27T13:45:07.250Z"), Instant("2099-12-31T23:59:59Z") })
        {
            var expected = functions.GetNextOccurrences(after.UtcDateTime, DateTime.MaxValue).Take(40).Select(t => new DateTimeOffset(t, TimeSpan.Zero));

            Assert.Equal(expected, schedule.Occurrences(after).Take(40));
        }
    }

    [Theory]
    [InlineData("0 */0 * * * *", "field 'minute' step '*/0' needs a value or range before '/' and a whole number of at least 1 after it in '0 */0 * * * *'.")]
    [InlineData("0 */-5 * * * *", "field 'minute' step '*/-5' needs a value or range before '/' and a whole number of at least 1 after it in '0 */-5 * * * *'.")]
    [InlineData("0 0 0 30 2 *", "'0 0 0 30 2 *' never occurs: no month allowed by field 'month' has a day allowed by field 'day-of-month'.")]
    public void What_NCrontab_accepts_but_reads_as_every_value_or_never_fires_is_refused(string expression, string message)
    {
        Assert.NotNull(CrontabSchedule.TryParse(expression, AsFunctionsReadsIt(expression)));

        var error = Assert.Throws<ScheduleFormatException>(() => NCrontabSchedule.Parse(expression));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("0 0 12 * * MON-TUE-WED", "field 'day-of-week' value 'TUE-WED' is neither a number (0–6) nor an English name such as Mon or Monday in '0 0 12 * * MON-TUE-WED'.")]
    [InlineData("0 *-5 * * * *", "field 'minute' value '*' is not a number (0–59) in '0 *-5 * * * *'.")]
    [InlineData("0 0 0 * * -1", "field 'day-of-week' value '-1' is neither a number (0–6) nor an English name such as Mon or Monday in '0 0 0 * * -1'.")]
    [InlineData("0 /5 * * * *", "field 'minute' step '/5' needs a value or range before '/' and a whole number of at least 1 after it in '0 /5 * * * *'.")]
    [InlineData("0 5/ * * * *", "field 'minute' step '5/' needs a value or range before '/' and a whole number of at least 1 after it in '0 5/ * * * *'.")]
    [InlineData("0 0 0 1, * *", "field 'day-of-month' has an empty item in list '1,' in '0 0 0 1, * *'.")]
    [InlineData("0 0 0 1-32 * *", "field 'day-of-month' value '32' is outside 1–31 in '0 0 0 1-32 * *'.")]
    [InlineData("0 0 0 * 0/2 *", "field 'month' value '0' is outside 1–12 in '0 0 0 * 0/2 *'.")]
    public void What_NCrontab_refuses_is_refused_naming_the_field_and_value(string expression, string message)
    {
        Assert.Null(CrontabSchedule.TryParse(expression, AsFunctionsReadsIt(expression)));

        var error = Assert.Throws<ScheduleFormatException>(() => NCrontabSchedule.Parse(expression));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_number_too_big_for_an_int_is_refused_naming_the_field_where_NCrontab_throws_OverflowException()
    {
        const string expression = "0 99999999999 * * * *";
        Assert.Throws<OverflowException>(() => CrontabSchedule.Parse(expression, AsFunctionsReadsIt(expression)));

        var error = Assert.Throws<ScheduleFormatException>(() => NCrontabSchedule.Parse(expression));

        Assert.Equal("field 'minute' value '99999999999' is not a number (0–59) in '0 99999999999 * * * *'.", error.Message);
    }

    private static CrontabSchedule.ParseOptions AsFunctionsReadsIt(string expression) =>
        new() { IncludingSeconds = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 };

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
