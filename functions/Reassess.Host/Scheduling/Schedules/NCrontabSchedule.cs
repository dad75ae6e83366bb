using NCrontab;

namespace Reassess.Host.Scheduling.Schedules;

/// <summary>
/// An NCRONTAB schedule as Azure Functions reads it: six fields <c>second minute hour day month day-of-week</c>, or
/// five without seconds (second = 0); UTC. A day must match both the day-of-month and the day-of-week field, so
/// <c>0 0 0 13 * FRI</c> is every Friday the 13th, not every 13th and every Friday (NCrontab's rule, unlike Vixie
/// cron's "either"). A day-of-month a month lacks (31 in April, 29 in February outside leap years) is skipped.
/// </summary>
public sealed class NCrontabSchedule : TimerSchedule
{
    private readonly CrontabSchedule _crontab;

    private NCrontabSchedule(string expression, bool hasSeconds, CrontabSchedule crontab)
    {
        Expression = expression;
        HasSeconds = hasSeconds;
        _crontab = crontab;
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

    /// <remarks>NCrontab drops the fraction of a second and starts at the next whole second (or minute, without seconds).</remarks>
    public override DateTimeOffset Next(DateTimeOffset after)
    {
        // NCrontab answers its end limit when nothing comes before it.
        var next = _crontab.GetNextOccurrence(after.UtcDateTime, DateTime.MaxValue);
        return next != DateTime.MaxValue
            ? new DateTimeOffset(next, TimeSpan.Zero)
            : throw new InvalidOperationException($"'{Expression}' has no occurrence after {after:O} before the year 10000.");
    }

    private static NCrontabSchedule Read(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        // Azure splits on spaces only and takes 5 fields as "no seconds", anything else as the 6-field form.
        var tokens = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is not (5 or 6))
            throw new ScheduleFormatException(
                $"'{expression}' has {tokens.Length} field(s); NCRONTAB needs 6 (second minute hour day month day-of-week) or 5 (the same without seconds).");

        foreach (var (field, token) in NCrontabField.All[^tokens.Length..].Zip(tokens))
            NCrontabFieldCheck.Check(field, token, expression);

        var hasSeconds = tokens.Length == 6;
        // The Azure Functions host reads timer schedules with this library too, so both hosts fire at the same instants.
        var crontab = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = hasSeconds });
        CheckItOccurs(crontab, expression);
        return new NCrontabSchedule(expression, hasSeconds, crontab);
    }

    /// <summary>
    /// NCrontab takes <c>0 0 0 30 2 *</c> and would only find, at each run, that it never fires; say so at start-up
    /// instead. Any day that exists falls on every weekday in some year, so the day-of-week field cannot be the cause.
    /// </summary>
    private static void CheckItOccurs(CrontabSchedule crontab, string expression)
    {
        if (crontab.GetNextOccurrence(DateTime.MinValue, DateTime.MaxValue) == DateTime.MaxValue)
            throw new ScheduleFormatException(
                $"'{expression}' never occurs: no month allowed by field 'month' has a day allowed by field 'day-of-month'.");
    }
}
