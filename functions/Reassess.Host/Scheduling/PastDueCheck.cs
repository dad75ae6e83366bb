using Reassess.Host.Scheduling.Schedules;
using Reassess.Storage.Leases;

namespace Reassess.Host.Scheduling;

/// <summary>
/// Azure's start-up check of a timer's stored status: the status to continue from, and whether an occurrence was missed
/// while no host ran (then it runs once at once, marked past due, however many were missed).
/// </summary>
internal static class PastDueCheck
{
    public static (TimerScheduleStatus Status, bool IsPastDue) At(DateTimeOffset now, TimerSchedule schedule, TimerScheduleStatus? stored)
    {
        // Never ran anywhere: start counting from now, so the first occurrence is recorded before it comes.
        if (stored is null) return (new TimerScheduleStatus(default, schedule.Next(now), now), false);

        // Next was computed from Last (or, before the first run, from LastUpdated). If computing it again with today's
        // schedule disagrees, the schedule changed: a Next in the past is then not a missed run, so start from now.
        var from = stored.HasRun ? stored.Last : stored.LastUpdated != default ? stored.LastUpdated : now;
        var expected = schedule.Next(from);
        var status = stored;
        if (stored.Next != expected)
        {
            if (now > expected) (expected, from) = (schedule.Next(now), now);
            status = new TimerScheduleStatus(default, expected, from);
        }

        return (status, now > status.Next);
    }
}
