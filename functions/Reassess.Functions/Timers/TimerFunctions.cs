using Microsoft.Azure.Functions.Worker;
using Reassess.Pipeline.Jobs;
using static Reassess.Pipeline.Jobs.JobTimers;

namespace Reassess.Functions.Timers;

/// <summary>The timers; schedules come from the app settings the catalog names (NCRONTAB, UTC).</summary>
public sealed class TimerFunctions(TimerJobs jobs)
{
    [Function(nameof(JobName.RefreshPrices))]
    public Task RefreshPricesAsync([TimerTrigger($"%{ScheduleSettings.RefreshPrices}%")] TimerInfo timer, FunctionContext context) =>
        RunAsync(JobName.RefreshPrices, timer, context);

    [Function(nameof(JobName.IngestUsage))]
    public Task IngestUsageAsync([TimerTrigger($"%{ScheduleSettings.IngestUsage}%")] TimerInfo timer, FunctionContext context) =>
        RunAsync(JobName.IngestUsage, timer, context);

    [Function(nameof(JobName.ReassessWorkloads))]
    public Task ReassessWorkloadsAsync([TimerTrigger($"%{ScheduleSettings.ReassessWorkloads}%")] TimerInfo timer, FunctionContext context) =>
        RunAsync(JobName.ReassessWorkloads, timer, context);

    [Function(nameof(JobName.PublishWeeklyReport))]
    public Task PublishWeeklyReportAsync([TimerTrigger($"%{ScheduleSettings.PublishWeeklyReport}%")] TimerInfo timer, FunctionContext context) =>
        RunAsync(JobName.PublishWeeklyReport, timer, context);

    [Function(nameof(JobName.DeliverWeeklyReport))]
    public Task DeliverWeeklyReportAsync([TimerTrigger($"%{ScheduleSettings.DeliverWeeklyReport}%")] TimerInfo timer, FunctionContext context) =>
        RunAsync(JobName.DeliverWeeklyReport, timer, context);

    /// <summary>
    /// A catch-up works on the occurrence it stands for: while a past-due run is invoked, the timer's stored status
    /// still holds that missed occurrence as <c>Next</c> (UTC, as the host keeps it).
    /// </summary>
    private Task RunAsync(JobName job, TimerInfo timer, FunctionContext context)
    {
        DateTimeOffset? missed = timer.IsPastDue && timer.ScheduleStatus is { } status
            ? new DateTimeOffset(DateTime.SpecifyKind(status.Next, DateTimeKind.Utc))
            : null;
        return jobs.RunAsync(job, timer.IsPastDue, missed, context.CancellationToken);
    }
}
