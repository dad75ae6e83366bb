using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Scheduling.Schedules;

namespace Reassess.Pipeline.Scheduling;

/// <summary>A catalog timer with the schedule it runs on here and the job it runs.</summary>
public sealed record ScheduledTimer(TimerFunction Function, TimerSchedule Schedule, Func<TimerOccurrence, CancellationToken, Task> Job)
{
    public string Name => Function.Name;
}
