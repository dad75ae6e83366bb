using System.Globalization;
using Reassess.Core.Time;

namespace Reassess.Storage.Runs;

/// <summary>
/// What one run of a job covers: an ISO week (the weekly jobs), a day (the daily ones), or the moment of an
/// on-demand run. Its label is the second half of the run id, and its run record is filed under the month of the
/// week's Monday, the day or the moment, so a re-run of last month's period finds and rewrites its record.
/// </summary>
public sealed record RunPeriod
{
    private RunPeriod(string label, string month)
    {
        Label = label;
        Month = month;
    }

    /// <summary><c>2026-W08</c>.</summary>
    public static RunPeriod Week(IsoWeek week) => new(week.ToString(), MonthOf(week.Monday));

    /// <summary><c>2026-02-16</c>.</summary>
    public static RunPeriod Day(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MonthOf(day));

    /// <summary><c>2026-02-16T05:07:42Z</c>, to the second in UTC.</summary>
    public static RunPeriod At(DateTimeOffset moment) =>
        new(moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), MonthOf(DateOnly.FromDateTime(moment.UtcDateTime)));

    /// <summary>A period as a run record stored it, under the month it was filed in.</summary>
    internal static RunPeriod Stored(string label, string month) => new(label, month);

    /// <summary>The period as runs, logs and the health report name it.</summary>
    public string Label { get; }

    /// <summary>The month (<c>yyyy-MM</c>) its run record is filed under.</summary>
    public string Month { get; }

    public override string ToString() => Label;

    internal static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
