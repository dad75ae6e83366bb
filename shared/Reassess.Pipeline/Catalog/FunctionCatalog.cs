using Reassess.Pipeline.Jobs;

namespace Reassess.Pipeline.Catalog;

/// <summary>
/// The one list of what Reassess runs and serves: function names, their schedule settings and defaults, and HTTP
/// routes. The Azure Functions app and the self-hosted runner both read it, so the two cannot drift.
/// </summary>
public static class FunctionCatalog
{
    public static readonly JobTimer RefreshPrices = new(JobName.RefreshPrices, ScheduleSettings.RefreshPrices, "0 0 5 * * *");
    public static readonly JobTimer IngestUsage = new(JobName.IngestUsage, ScheduleSettings.IngestUsage, "0 30 * * * *");
    public static readonly JobTimer ReassessWorkloads = new(JobName.ReassessWorkloads, ScheduleSettings.ReassessWorkloads, "0 0 6 * * 1");
    public static readonly JobTimer PublishWeeklyReport = new(JobName.PublishWeeklyReport, ScheduleSettings.PublishWeeklyReport, "0 0 7 * * 1");

    /// <summary>The app setting holding each timer's schedule: constants, so a TimerTrigger attribute can name them too.</summary>
    public static class ScheduleSettings
    {
        public const string RefreshPrices = "PriceRefreshSchedule";
        public const string IngestUsage = "UsageIngestSchedule";
        public const string ReassessWorkloads = "ReassessSchedule";
        public const string PublishWeeklyReport = "ReportSchedule";
    }

    public static IReadOnlyList<JobTimer> Timers { get; } = [RefreshPrices, IngestUsage, ReassessWorkloads, PublishWeeklyReport];

    /// <summary>
    /// The HTTP functions: name, method, route and whether a function key is needed. The Functions app declares them
    /// as triggers and the self-host maps the same routes; a test checks the Functions build's metadata against this list.
    /// </summary>
    public static IReadOnlyList<HttpFunction> Http { get; } =
    [
        new("Health", "get", Routes.Health, Anonymous: true),
        new("WhatIf", "post", Routes.WhatIf),
        new("Reassess", "post", Routes.Reassess),
        new("ListWorkloads", "get", Routes.Workloads),
        new("GetWorkload", "get", Routes.Workload),
        new("PutWorkload", "put", Routes.Workload),
        new("DeleteWorkload", "delete", Routes.Workload),
        new("ListAssessments", "get", Routes.WorkloadAssessments),
        new("PostEvals", "post", Routes.WorkloadEvals),
        new("LatestReport", "get", Routes.LatestReport),
        new("WeekReport", "get", Routes.WeekReport),
        new("Trends", "get", Routes.Trends),
    ];

    /// <summary>Routes under <c>/api</c>, as Azure Functions spells them.</summary>
    public static class Routes
    {
        public const string Prefix = "api";
        public const string Health = "health";
        public const string Reassess = "reassess";
        public const string WhatIf = "whatif";
        public const string Workloads = "workloads";
        public const string Workload = "workloads/{id}";
        public const string WorkloadAssessments = "workloads/{id}/assessments";
        public const string WorkloadEvals = "workloads/{id}/evals";
        public const string LatestReport = "reports/latest";
        public const string WeekReport = "reports/{week}";
        public const string Trends = "trends";
    }
}

/// <summary>A timer: its function name, the app setting holding its NCRONTAB schedule, and that schedule's default (UTC).</summary>
public record TimerFunction(string Name, string ScheduleSetting, string DefaultSchedule)
{
    /// <summary>The <c>%Setting%</c> form a TimerTrigger attribute takes.</summary>
    public string ScheduleExpression => $"%{ScheduleSetting}%";
}

/// <summary>An HTTP-triggered function: its name, HTTP method (lower case), route under <c>/api</c>, and whether it is open without a key.</summary>
public sealed record HttpFunction(string Name, string Method, string Route, bool Anonymous = false);

/// <summary>One of the catalog's timers: it runs the job it is named after.</summary>
public sealed record JobTimer(JobName Job, string ScheduleSetting, string DefaultSchedule)
    : TimerFunction(Job.ToString(), ScheduleSetting, DefaultSchedule);
