using System.Globalization;

namespace Reassess.Host.Scheduling.Schedules;

/// <summary>
/// Azure's other schedule form: a TimeSpan between runs (<c>01:00:00</c> every hour), counted from the start of the
/// previous run. Read with .NET's TimeSpan rules as Azure does, so <c>24:00:00</c> is 24 days, not one. Azure runs
/// these only on an App Service plan, not on (Flex) Consumption.
/// </summary>
public sealed class IntervalSchedule : TimerSchedule
{
    private IntervalSchedule(string expression, TimeSpan interval)
    {
        Expression = expression;
        Interval = interval;
    }

    public override string Expression { get; }

    public TimeSpan Interval { get; }

    public override DateTimeOffset Next(DateTimeOffset after) => after.ToUniversalTime() + Interval;

    /// <summary>A positive TimeSpan; zero or negative would fire without pause, so it is refused.</summary>
    public static bool TryParse(string expression, out IntervalSchedule schedule)
    {
        schedule = null!;
        if (!TimeSpan.TryParse(expression.Trim(), CultureInfo.InvariantCulture, out var interval) || interval <= TimeSpan.Zero)
            return false;
        schedule = new IntervalSchedule(expression, interval);
        return true;
    }
}
