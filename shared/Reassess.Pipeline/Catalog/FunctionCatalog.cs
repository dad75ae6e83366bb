namespace Reassess.Pipeline.Catalog;

/// <summary>
/// The one list of what Reassess runs and serves: function names, their schedule settings and defaults, and HTTP
/// routes. The Azure Functions app and the self-hosted runner both read it, so the two cannot drift.
/// </summary>
public static class FunctionCatalog
{
    public static readonly TimerFunction RefreshPrices = new("RefreshPrices", "PriceRefreshSchedule", "0 0 5 * * *");
    public static readonly TimerFunction IngestUsage = new("IngestUsage", "UsageIngestSchedule", "0 30 * * * *");
    public static readonly TimerFunction ReassessWorkloads = new("ReassessWorkloads", "ReassessSchedule", "0 0 6 * * 1");
    public static readonly TimerFunction PublishWeeklyReport = new("PublishWeeklyReport", "ReportSchedule", "0 0 7 * * 1");

    public static IReadOnlyList<TimerFunction> Timers { get; } = [RefreshPrices, IngestUsage, ReassessWorkloads, PublishWeeklyReport];

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

/// <summary>A timer-triggered job: its function name, the app setting holding its NCRONTAB schedule, and that schedule's default (UTC).</summary>
public sealed record TimerFunction(string Name, string ScheduleSetting, string DefaultSchedule)
{
    /// <summary>The <c>%Setting%</c> form a TimerTrigger attribute takes.</summary>
    public string ScheduleExpression => $"%{ScheduleSetting}%";
}
