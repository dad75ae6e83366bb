namespace Reassess.Api;

/// <summary>
/// The one list of what Reassess serves over HTTP: each function's name, method, route and auth level. The Azure
/// Functions app declares them as triggers and the self-host maps the same routes; tests hold the Functions build's
/// metadata and the OpenAPI document to it, so they cannot drift.
/// </summary>
public static class HttpCatalog
{
    /// <summary>The HTTP functions: name, method, route and whether a function key is needed.</summary>
    public static IReadOnlyList<HttpFunction> Functions { get; } =
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
        new(HttpNames.PostDecision, "post", Routes.WorkloadDecisions),
        new(HttpNames.ListDecisions, "get", Routes.WorkloadDecisions),
        new(HttpNames.GetOutcome, "get", Routes.WorkloadOutcome),
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
        public const string WorkloadDecisions = "workloads/{id}/decisions";
        public const string WorkloadOutcome = "workloads/{id}/outcome";
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
        public const string PostDecision = "PostDecision";
        public const string ListDecisions = "ListDecisions";
        public const string GetOutcome = "GetOutcome";
        public const string LatestReport = "LatestReport";
        public const string WeekReport = "WeekReport";
        public const string Trends = "Trends";
    }
}

/// <summary>An HTTP-triggered function: its name, HTTP method (lower case), route under <c>/api</c>, and whether it is open without a key.</summary>
public sealed record HttpFunction(string Name, string Method, string Route, bool Anonymous = false);
