using Reassess.Host.Scheduling.Schedules;
using Reassess.Storage.Leases;

namespace Reassess.Host.Scheduling;

/// <summary>
/// What a timer job is told when it runs (Azure's <c>TimerInfo</c>, named apart so both can be used in one file):
/// which occurrence this is, whether it is a catch-up for one missed while no host ran (<see cref="IsPastDue"/>),
/// and the schedule status before this run (<c>Next</c> is this occurrence).
/// </summary>
public sealed record TimerOccurrence(
    string FunctionName,
    DateTimeOffset ScheduledFor,
    bool IsPastDue,
    TimerScheduleStatus? ScheduleStatus,
    TimerSchedule Schedule);
