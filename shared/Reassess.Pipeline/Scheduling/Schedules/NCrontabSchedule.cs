namespace Reassess.Pipeline.Scheduling.Schedules;

/// <summary>
/// An NCRONTAB schedule as Azure Functions reads it: six fields <c>second minute hour day month day-of-week</c>, or
/// five without seconds (second = 0); UTC. A day must match both the day-of-month and the day-of-week field, so
/// <c>0 0 0 13 * FRI</c> is every Friday the 13th, not every 13th and every Friday (NCrontab's rule, unlike Vixie
/// cron's "either"). A day-of-month a month lacks (31 in April, 29 in February outside leap years) is skipped.
/// </summary>
public sealed class NCrontabSchedule : TimerSchedule
{
    private readonly CronValues _seconds;
    private readonly CronValues _minutes;
    private readonly CronValues _hours;
    private readonly CronValues _days;
    private readonly CronValues _months;
    private readonly CronValues _daysOfWeek;

    private NCrontabSchedule(string expression, bool hasSeconds, CronValues[] fields)
    {
        Expression = expression;
        HasSeconds = hasSeconds;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    public override string Expression { get; }

    /// <summary>False for the 5-field form, whose occurrences are all at second 0.</summary>
    public bool HasSeconds { get; }

    /// <exception cref="ScheduleFormatException">The message names the field and the value at fault.</exception>
    public static new NCrontabSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new ScheduleFormatException(error);

    public static bool TryParse(string expression, out NCrontabSchedule schedule, out string error)
    {
        schedule = null!;
        try
        {
            schedule = Read(expression);
            error = "";
            return true;
        }
        catch (ScheduleFormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    public override DateTimeOffset Next(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        // Strictly after: the next whole second, so an instant on the schedule yields the one after it.
        var t = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        try
        {
            // Each step either accepts a field or moves to the start of the next value it allows, resetting the
            // smaller fields; the day loop is the only one that steps one by one (it must meet both day fields).
            while (true)
            {
                if (!_months.Contains(t.Month))
                {
                    var month = _months.AtOrAfter(t.Month + 1);
                    t = month < 0 ? new DateTime(t.Year + 1, _months.AtOrAfter(1), 1, 0, 0, 0, DateTimeKind.Utc) : new DateTime(t.Year, month, 1, 0, 0, 0, DateTimeKind.Utc);
                }
                else if (!_days.Contains(t.Day) || !_daysOfWeek.Contains((int)t.DayOfWeek))
                {
                    t = t.Date.AddDays(1);
                }
                else if (!_hours.Contains(t.Hour))
                {
                    var hour = _hours.AtOrAfter(t.Hour + 1);
                    t = hour < 0 ? t.Date.AddDays(1) : t.Date.AddHours(hour);
                }
                else if (!_minutes.Contains(t.Minute))
                {
                    var minute = _minutes.AtOrAfter(t.Minute + 1);
                    var hourStart = t.Date.AddHours(t.Hour);
                    t = minute < 0 ? hourStart.AddHours(1) : hourStart.AddMinutes(minute);
                }
                else if (!_seconds.Contains(t.Second))
                {
                    var second = _seconds.AtOrAfter(t.Second + 1);
                    var minuteStart = t.Date.AddHours(t.Hour).AddMinutes(t.Minute);
                    t = second < 0 ? minuteStart.AddMinutes(1) : minuteStart.AddSeconds(second);
                }
                else
                {
                    return new DateTimeOffset(t, TimeSpan.Zero);
                }
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOperationException($"'{Expression}' has no occurrence after {after:O} before the year 10000.", e);
        }
    }

    private static NCrontabSchedule Read(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        // Azure splits on spaces only and takes 5 fields as "no seconds", anything else as the 6-field form.
        var tokens = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is not (5 or 6))
            throw new ScheduleFormatException(
                $"'{expression}' has {tokens.Length} field(s); NCRONTAB needs 6 (second minute hour day month day-of-week) or 5 (the same without seconds).");

        var hasSeconds = tokens.Length == 6;
        var fields = new CronValues[6];
        fields[0] = CronValues.Range(0, 0, 1);
        for (var i = 0; i < tokens.Length; i++)
        {
            var index = hasSeconds ? i : i + 1;
            fields[index] = CronFieldParser.Parse(CronField.All[index], tokens[i], expression);
        }

        CheckSomeDayExists(fields[3], fields[4], expression);
        return new NCrontabSchedule(expression, hasSeconds, fields);
    }

    /// <summary>
    /// <c>0 0 0 30 2 *</c> would never fire (NCrontab searches to the year 9999 and gives up); say so at start-up instead.
    /// Any day that exists falls on every weekday in some year, so the day-of-week field cannot make it impossible.
    /// </summary>
    private static void CheckSomeDayExists(CronValues days, CronValues months, string expression)
    {
        for (var month = 1; month <= 12; month++)
        {
            var longest = month == 2 ? 29 : DateTime.DaysInMonth(2001, month);
            if (months.Contains(month) && days.AtOrAfter(1) is var first && first >= 1 && first <= longest)
                return;
        }

        throw new ScheduleFormatException(
            $"'{expression}' never occurs: no month allowed by field 'month' has a day allowed by field 'day-of-month'.");
    }
}
