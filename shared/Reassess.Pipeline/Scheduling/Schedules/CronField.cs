namespace Reassess.Pipeline.Scheduling.Schedules;

/// <summary>One of the six NCRONTAB fields: its name in messages, its range, and the English names it accepts.</summary>
internal sealed record CronField(string Name, int Min, int Max, string[]? Names = null)
{
    public static readonly CronField Second = new("second", 0, 59);
    public static readonly CronField Minute = new("minute", 0, 59);
    public static readonly CronField Hour = new("hour", 0, 23);
    public static readonly CronField DayOfMonth = new("day-of-month", 1, 31);

    public static readonly CronField Month = new("month", 1, 12,
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

    /// <summary>Sunday is 0; NCRONTAB has no 7.</summary>
    public static readonly CronField DayOfWeek = new("day-of-week", 0, 6,
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);

    /// <summary>In expression order, seconds first.</summary>
    public static readonly CronField[] All = [Second, Minute, Hour, DayOfMonth, Month, DayOfWeek];

    public string Range => $"{Min}–{Max}";
}
