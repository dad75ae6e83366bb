using Reassess.Pipeline.Jobs;

namespace Reassess.Pipeline.Catalog;

/// <summary>
/// The one list of what Reassess runs and serves: the timers with their schedule settings and defaults, and the HTTP
/// functions with their names, methods, routes and auth levels. The Azure Functions app and the self-hosted runner both
/// read it, and tests hold the Functions build's metadata and the OpenAPI document to it, so they cannot drift.
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
        new(HttpNames.Health, "get", Routes.Health, Anonymous: true),
        new(HttpNames.WhatIf, "post", Routes.WhatIf),
        new(HttpNames.Reassess, "post", Routes.Reassess),
        new(HttpNames.ListWorkloads, "get", Routes.Workloads),
        new(HttpNames.GetWorkload, "get", Routes.Workload),
        new(HttpNames.PutWorkload, "put", Routes.Workload),
        new(HttpNames.DeleteWorkload, "delete", Routes.Workload),
        new(HttpNames.ListAssessments, "get", Routes.WorkloadAssessments),
        new(HttpNames.PostEvals, "post", Routes.WorkloadEvals),
        new(HttpNames.LatestReport, "get", Routes.LatestReport),
        new(HttpNames.WeekReport, "get", Routes.WeekReport),
        new(HttpNames.Trends, "get", Routes.Trends),
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

    /// <summary>
    /// Function names of the HTTP triggers, one per route and method. The OpenAPI document uses them as operation ids,
    /// so a client generated from it calls operations by the names the Functions portal and logs show.
    /// </summary>
    public static class HttpNames
    {
        public const string Health = "Health";
        public const string WhatIf = "WhatIf";
        public const string Reassess = "Reassess";
        public const string ListWorkloads = "ListWorkloads";
        public const string GetWorkload = "GetWorkload";
        public const string PutWorkload = "PutWorkload";
        public const string DeleteWorkload = "DeleteWorkload";
        public const string ListAssessments = "ListAssessments";
        public const string PostEvals = "PostEvals";
        public const string LatestReport = "LatestReport";
        public const string WeekReport = "WeekReport";
        public const string Trends = "Trends";
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
