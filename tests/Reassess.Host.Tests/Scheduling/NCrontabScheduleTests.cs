using System.Globalization;
using Reassess.Host.Scheduling.Schedules;

namespace Reassess.Host.Tests.Scheduling;

/// <summary>Expected instants were checked against a separate brute-force expansion of each expression.</summary>
public class NCrontabScheduleTests
{
    [Theory]
    // the catalog's own schedules
    [InlineData("0 0 5 * * *", "2026-11-23T04:59:59Z", "2026-11-23T05:00:00Z")]
    [InlineData("0 0 5 * * *", "2026-11-23T05:00:00Z", "2026-11-24T05:00:00Z")] // strictly after: an occurrence gives the next one
    [InlineData("0 30 * * * *", "2026-11-23T05:30:00.500Z", "2026-11-23T06:30:00Z")] // a fraction past the occurrence is past it
    [InlineData("0 0 6 * * 1", "2026-11-23T06:00:00Z", "2026-11-30T06:00:00Z")] // 2026-11-23 is a Monday
    [InlineData("0 0 7 * * 1", "2026-11-29T23:00:00Z", "2026-11-30T07:00:00Z")]
    // seconds, ranges, lists, steps
    [InlineData("*/15 * * * * *", "2026-01-01T00:00:07Z", "2026-01-01T00:00:15Z")]
    [InlineData("5-7 * * * * *", "2026-01-01T00:00:07Z", "2026-01-01T00:01:05Z")]
    [InlineData("5,8,10 * * * * *", "2026-01-01T00:00:08Z", "2026-01-01T00:00:10Z")]
    [InlineData("0 */5 * * * *", "2026-01-01T10:57:00Z", "2026-01-01T11:00:00Z")]
    [InlineData("0 1-30/5 * * * *", "2026-01-01T10:26:00Z", "2026-01-01T11:01:00Z")] // 1,6,…,26 then the next hour
    [InlineData("0 5/15 * * * *", "2026-01-01T10:50:00Z", "2026-01-01T11:05:00Z")] // a value with a step runs to the end of the range
    [InlineData("0 0 9-17 * * *", "2026-01-01T17:00:00Z", "2026-01-02T09:00:00Z")]
    [InlineData("0 0 */2 * * *", "2026-01-01T23:30:00Z", "2026-01-02T00:00:00Z")]
    [InlineData("0 0 0 1 */3 *", "2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z")] // quarterly, across the year end
    // English names, any case, any prefix; reversed ranges read the other way round
    [InlineData("0 30 9 * Jan Mon", "2026-01-27T00:00:00Z", "2027-01-04T09:30:00Z")]
    [InlineData("0 0 12 * * MON-FRI", "2026-11-27T12:00:00Z", "2026-11-30T12:00:00Z")]
    [InlineData("0 0 12 * * sat,SUNDAY", "2026-11-23T00:00:00Z", "2026-11-28T12:00:00Z")]
    [InlineData("0 0 12 * * FRI-MON", "2026-11-27T12:00:00Z", "2026-11-30T12:00:00Z")]
    [InlineData("0 0 0 1 Ju *", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z")] // the first name it prefixes: June
    [InlineData("0 0 0 * * 0", "2026-11-23T00:00:00Z", "2026-11-29T00:00:00Z")] // Sunday is 0
    // the 5-field form has no seconds: second 0
    [InlineData("30 9 * * 1-5", "2026-11-28T00:00:00Z", "2026-11-30T09:30:00Z")]
    [InlineData("*/10 * * * *", "2026-01-01T10:05:30Z", "2026-01-01T10:10:00Z")]
    // day-of-month AND day-of-week
    [InlineData("0 0 0 13 * FRI", "2026-01-01T00:00:00Z", "2026-02-13T00:00:00Z")]
    [InlineData("0 0 0 29 2 MON", "2026-01-01T00:00:00Z", "2044-02-29T00:00:00Z")]
    // month ends, leap days, year rollover
    [InlineData("0 0 0 31 * *", "2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z")] // February has no 31st
    [InlineData("0 0 0 30 * *", "2026-02-01T00:00:00Z", "2026-03-30T00:00:00Z")]
    [InlineData("0 0 0 29 2 *", "2026-01-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 0 29 2 *", "2100-01-01T00:00:00Z", "2104-02-29T00:00:00Z")] // 2100 is not a leap year
    [InlineData("59 59 23 31 12 *", "2026-12-31T23:59:59Z", "2027-12-31T23:59:59Z")]
    [InlineData("0 0 0 1 1 *", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")]
    public void Next_is_the_first_occurrence_strictly_after_the_instant(string expression, string after, string expected)
    {
        var schedule = NCrontabSchedule.Parse(expression);

        var next = schedule.Next(Instant(after));

        Assert.Equal(Instant(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void Instants_with_an_offset_are_taken_in_UTC()
    {
        var schedule = NCrontabSchedule.Parse("0 0 5 * * *");

        // 06:30 in UTC+2 is 04:30 UTC, so today's 05:00 UTC is still ahead.
        var next = schedule.Next(new DateTimeOffset(2026, 11, 23, 6, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal(Instant("2026-11-23T05:00:00Z"), next);
    }

    [Fact]
    public void Occurrences_skip_months_without_the_day()
    {
        var schedule = NCrontabSchedule.Parse("0 0 0 31 * *");

        var occurrences = schedule.Occurrences(Instant("2026-01-01T00:00:00Z")).Take(5);

        Assert.Equal(
            ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31"],
            occurrences.Select(o => o.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_five_field_form_is_read_without_seconds()
    {
        Assert.False(NCrontabSchedule.Parse("30 9 * * 1-5").HasSeconds);
        Assert.True(NCrontabSchedule.Parse("0 30 9 * * 1-5").HasSeconds);
    }

    [Theory]
    [InlineData("0 0 25 * * *", "field 'hour' value '25' is outside 0–23 in '0 0 25 * * *'.")]
    [InlineData("60 * * * * *", "field 'second' value '60' is outside 0–59 in '60 * * * * *'.")]
    [InlineData("0 0 0 0 * *", "field 'day-of-month' value '0' is outside 1–31 in '0 0 0 0 * *'.")]
    [InlineData("0 0 0 * 13 *", "field 'month' value '13' is outside 1–12 in '0 0 0 * 13 *'.")]
    [InlineData("0 0 0 * * 7", "field 'day-of-week' value '7' is outside 0–6 (Sunday is 0) in '0 0 0 * * 7'.")]
    [InlineData("0 0 0 * * 1-7", "field 'day-of-week' value '7' is outside 0–6 (Sunday is 0) in '0 0 0 * * 1-7'.")]
    [InlineData("0 0 0 * Foo *", "field 'month' value 'Foo' is neither a number (1–12) nor an English name such as Feb or February in '0 0 0 * Foo *'.")]
    [InlineData("0 0 12 * * MON-XYZ", "field 'day-of-week' value 'XYZ' is neither a number (0–6) nor an English name such as Mon or Monday in '0 0 12 * * MON-XYZ'.")]
    [InlineData("0 0 x * * *", "field 'hour' value 'x' is not a number (0–23) in '0 0 x * * *'.")]
    [InlineData("0 0 0 L * *", "field 'day-of-month' value 'L' is not a number (1–31) in '0 0 0 L * *'.")]
    [InlineData("0 */0 * * * *", "field 'minute' step '*/0' needs a value or range before '/' and a whole number of at least 1 after it in '0 */0 * * * *'.")]
    [InlineData("0 1,,2 * * * *", "field 'minute' has an empty item in list '1,,2' in '0 1,,2 * * * *'.")]
    [InlineData("* * * *", "'* * * *' has 4 field(s); NCRONTAB needs 6 (second minute hour day month day-of-week) or 5 (the same without seconds).")]
    [InlineData("0 0 5 * * * 2026", "'0 0 5 * * * 2026' has 7 field(s); NCRONTAB needs 6")]
    [InlineData("0 0 0 30 2 *", "'0 0 0 30 2 *' never occurs: no month allowed by field 'month' has a day allowed by field 'day-of-month'.")]
    [InlineData("0 0 0 31 4,6,9,11 *", "'0 0 0 31 4,6,9,11 *' never occurs")]
    public void A_bad_expression_is_refused_naming_the_field_and_value(string expression, string message)
    {
        var error = Assert.Throws<ScheduleFormatException>(() => NCrontabSchedule.Parse(expression));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_TimeSpan_is_an_interval_counted_from_the_previous_run()
    {
        var schedule = Assert.IsType<IntervalSchedule>(TimerSchedule.Parse("01:30:00"));

        Assert.Equal(TimeSpan.FromMinutes(90), schedule.Interval);
        Assert.Equal(Instant("2026-01-01T11:30:07Z"), schedule.Next(Instant("2026-01-01T10:00:07Z")));
    }

    [Fact]
    public void A_TimeSpan_of_24_hours_or_more_is_read_as_days_as_Azure_reads_it()
    {
        var schedule = Assert.IsType<IntervalSchedule>(TimerSchedule.Parse("24:00:00"));

        Assert.Equal(TimeSpan.FromDays(24), schedule.Interval);
    }

    [Theory]
    [InlineData("00:00:00", "'00:00:00' is neither an NCRONTAB expression")]
    [InlineData("", "'' is neither an NCRONTAB expression")]
    [InlineData("0 0 25 * * *", "field 'hour' value '25' is outside 0–23 in '0 0 25 * * *'.")]
    public void A_schedule_that_is_neither_NCRONTAB_nor_a_positive_TimeSpan_is_refused(string expression, string message)
    {
        var error = Assert.Throws<ScheduleFormatException>(() => TimerSchedule.Parse(expression));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void NCRONTAB_wins_over_TimeSpan_like_in_Azure()
    {
        Assert.IsType<NCrontabSchedule>(TimerSchedule.Parse("0 0 5 * * *"));
    }

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
