using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reassess.Api.Health;
using Reassess.Api.OnDemand;
using Reassess.Api.Outcomes;
using Reassess.Api.Reports;
using Reassess.Api.Trends;
using Reassess.Api.WhatIf;
using Reassess.Api.Workloads;
using Reassess.Api;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Functions.Http;

/// <summary>
/// The HTTP API as Functions triggers: each calls the same handler the self-host maps, with function-key auth done by
/// the Functions host (AuthorizationLevel.Function) and health left anonymous.
/// </summary>
public sealed class HttpFunctions(
    HealthHandler health, WhatIfHandler whatIf, WorkloadHandlers workloads, AssessmentHandlers assessments,
    EvalHandlers evals, DecisionHandlers decisions, OutcomeHandlers outcomes, ReportHandlers reports, ReassessHandler reassess, TrendHandlers trends)
{
    [Function(HttpNames.Health)]
    public Task<IResult> HealthAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        health.HandleAsync(request.HttpContext.RequestAborted);

    [Function(HttpNames.WhatIf)]
    public Task<IResult> WhatIfAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.WhatIf)] HttpRequest request) =>
        whatIf.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(HttpNames.Reassess)]
    public Task<IResult> ReassessAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Reassess)] HttpRequest request) =>
        reassess.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(HttpNames.ListWorkloads)]
    public Task<IResult> ListWorkloadsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Workloads)] HttpRequest request) =>
        workloads.ListAsync(request.HttpContext.RequestAborted);

    [Function(HttpNames.GetWorkload)]
    public Task<IResult> GetWorkloadAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Workload)] HttpRequest request, string id) =>
        workloads.GetAsync(id, request.HttpContext.RequestAborted);

    [Function(HttpNames.PutWorkload)]
    public Task<IResult> PutWorkloadAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = Routes.Workload)] HttpRequest request, string id) =>
        workloads.PutAsync(id, request, request.HttpContext.RequestAborted);

    [Function(HttpNames.DeleteWorkload)]
    public Task<IResult> DeleteWorkloadAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.Workload)] HttpRequest request, string id) =>
        workloads.DeleteAsync(id, request.HttpContext.RequestAborted);

    [Function(HttpNames.ListAssessments)]
    public Task<IResult> ListAssessmentsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.WorkloadAssessments)] HttpRequest request, string id) =>
        assessments.ListAsync(id, request.Query["from"], request.Query["to"], request.HttpContext.RequestAborted);

    [Function(HttpNames.PostEvals)]
    public Task<IResult> PostEvalsAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.WorkloadEvals)] HttpRequest request, string id) =>
        evals.PostAsync(id, request, request.HttpContext.RequestAborted);

    [Function(HttpNames.PostDecision)]
    public Task<IResult> PostDecisionAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.WorkloadDecisions)] HttpRequest request, string id) =>
        decisions.PostAsync(id, request, request.HttpContext.RequestAborted);

    [Function(HttpNames.ListDecisions)]
    public Task<IResult> ListDecisionsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.WorkloadDecisions)] HttpRequest request, string id) =>
        decisions.ListAsync(id, request.HttpContext.RequestAborted);

    [Function(HttpNames.GetOutcome)]
    public Task<IResult> GetOutcomeAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.WorkloadOutcome)] HttpRequest request, string id) =>
        outcomes.GetAsync(id, request.Query["asOf"], request.HttpContext.RequestAborted);

    [Function(HttpNames.LatestReport)]
    public Task<IResult> LatestReportAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.LatestReport)] HttpRequest request) =>
        reports.LatestAsync(request.Query["format"], request.HttpContext.RequestAborted);

    [Function(HttpNames.WeekReport)]
    public Task<IResult> WeekReportAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.WeekReport)] HttpRequest request, string week) =>
        reports.WeekAsync(week, request.Query["format"], request.HttpContext.RequestAborted);

    [Function(HttpNames.Trends)]
    public Task<IResult> TrendsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Trends)] HttpRequest request) =>
        trends.GetAsync(request.Query["by"], request.Query["from"], request.Query["to"], request.Query["format"], request.HttpContext.RequestAborted);
}
