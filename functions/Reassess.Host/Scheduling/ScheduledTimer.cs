using Reassess.Host.Scheduling.Schedules;
using Reassess.Pipeline.Jobs;

namespace Reassess.Host.Scheduling;

/// <summary>A catalog timer with the schedule it runs on here and the job it runs.</summary>
public sealed record ScheduledTimer(TimerFunction Function, TimerSchedule Schedule, Func<TimerOccurrence, CancellationToken, Task> Job)
{
    public string Name => Function.Name;
}
