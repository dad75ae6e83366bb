namespace Reassess.Pipeline.Jobs;

/// <summary>
/// The timers: each job that runs on a schedule, the app setting holding that schedule and its default (NCRONTAB,
/// UTC). The Azure Functions app declares them as timer triggers, the self-host schedules the same list, and a test
/// holds the Functions build's metadata to it.
/// </summary>
public static class JobTimers
{
    /// <summary>The app setting holding each timer's schedule: constants, so a TimerTrigger attribute can name them too.</summary>
    public static class ScheduleSettings
    {
        public const string RefreshPrices = "PriceRefreshSchedule";
        public const string IngestUsage = "UsageIngestSchedule";
        public const string ReassessWorkloads = "ReassessSchedule";
        public const string PublishWeeklyReport = "ReportSchedule";
        public const string DeliverWeeklyReport = "DeliverySchedule";
    }

    public static IReadOnlyList<JobTimer> All { get; } =
    [
        new(JobName.RefreshPrices, ScheduleSettings.RefreshPrices, "0 0 5 * * *"),
        new(JobName.IngestUsage, ScheduleSettings.IngestUsage, "0 30 * * * *"),
        new(JobName.ReassessWorkloads, ScheduleSettings.ReassessWorkloads, "0 0 6 * * 1"),
        new(JobName.PublishWeeklyReport, ScheduleSettings.PublishWeeklyReport, "0 0 7 * * 1"),
        new(JobName.DeliverWeeklyReport, ScheduleSettings.DeliverWeeklyReport, "0 30 7 * * 1"),
    ];

    /// <summary>The timer that runs <paramref name="job"/>; every job but <see cref="JobName.SyncWorkloads"/> has one.</summary>
    public static JobTimer For(JobName job) =>
        All.SingleOrDefault(t => t.Job == job) ?? throw new ArgumentOutOfRangeException(nameof(job), job, "runs inside the weekly run, not on a timer of its own.");
}

/// <summary>A timer: its function name, the app setting holding its NCRONTAB schedule, and that schedule's default (UTC).</summary>
public record TimerFunction(string Name, string ScheduleSetting, string DefaultSchedule)
{
    /// <summary>The <c>%Setting%</c> form a TimerTrigger attribute takes.</summary>
    public string ScheduleExpression => $"%{ScheduleSetting}%";
}

/// <summary>One of the job timers: it runs the job it is named after.</summary>
public sealed record JobTimer(JobName Job, string ScheduleSetting, string DefaultSchedule)
    : TimerFunction(Job.ToString(), ScheduleSetting, DefaultSchedule);
