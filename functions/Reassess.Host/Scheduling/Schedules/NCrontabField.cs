using NCrontab;

namespace Reassess.Host.Scheduling.Schedules;

/// <summary>
/// One of the six NCRONTAB fields as start-up messages word it: its name, its range, and for months and days of the
/// week an English name to give as an example. What the field accepts is NCrontab's to decide (<see cref="Kind"/>).
/// </summary>
internal sealed record NCrontabField(CrontabFieldKind Kind, string Name, int Min, int Max, string? NameExample = null, string RangeNote = "")
{
    public static readonly NCrontabField Second = new(CrontabFieldKind.Second, "second", 0, 59);
    public static readonly NCrontabField Minute = new(CrontabFieldKind.Minute, "minute", 0, 59);
    public static readonly NCrontabField Hour = new(CrontabFieldKind.Hour, "hour", 0, 23);
    public static readonly NCrontabField DayOfMonth = new(CrontabFieldKind.Day, "day-of-month", 1, 31);
    public static readonly NCrontabField Month = new(CrontabFieldKind.Month, "month", 1, 12, "February");

    /// <summary>NCRONTAB has no 7 for Sunday, which cron users often expect, hence the note.</summary>
    public static readonly NCrontabField DayOfWeek = new(CrontabFieldKind.DayOfWeek, "day-of-week", 0, 6, "Monday", " (Sunday is 0)");

    /// <summary>In expression order, seconds first.</summary>
    public static readonly NCrontabField[] All = [Second, Minute, Hour, DayOfMonth, Month, DayOfWeek];

    public string Range => $"{Min}–{Max}";
}
