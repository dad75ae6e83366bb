namespace Reassess.Host.Scheduling.Schedules;

/// <summary>
/// When a timer fires, read from a schedule setting the way Azure Functions reads it: an NCRONTAB expression first,
/// and only if that fails a TimeSpan interval (<see cref="IntervalSchedule"/>). All instants are UTC.
/// </summary>
public abstract class TimerSchedule
{
    /// <summary>The text the schedule was read from.</summary>
    public abstract string Expression { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public abstract DateTimeOffset Next(DateTimeOffset after);

    /// <summary>The occurrences after <paramref name="after"/>, in order (endless; take what you need).</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after)
    {
        for (var next = Next(after); ; next = Next(next))
            yield return next;
    }

    /// <exception cref="ScheduleFormatException">Neither a valid NCRONTAB expression nor a TimeSpan; the message says what is wrong.</exception>
    public static TimerSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (NCrontabSchedule.TryParse(expression, out var cron, out var cronError)) return cron;
        if (IntervalSchedule.TryParse(expression, out var interval)) return interval;

        // Text with spaces was meant as NCRONTAB: its own error says more than "not a TimeSpan either".
        throw new ScheduleFormatException(expression.Contains(' ', StringComparison.Ordinal)
            ? cronError
            : $"'{expression}' is neither an NCRONTAB expression ({cronError}) nor a TimeSpan interval such as '01:00:00'.");
    }

    public override string ToString() => Expression;
}

/// <summary>A schedule expression that cannot be read; the message names the field and value at fault.</summary>
public sealed class ScheduleFormatException(string message) : FormatException(message);
