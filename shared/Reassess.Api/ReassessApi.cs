using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Api.Health;
using Reassess.Api.Http;
using Reassess.Api.OnDemand;
using Reassess.Api.Outcomes;
using Reassess.Api.Reports;
using Reassess.Api.Trends;
using Reassess.Api.WhatIf;
using Reassess.Api.Workloads;

namespace Reassess.Api;

/// <summary>
/// The HTTP API's services and routes. The host registers <see cref="ApiSettings"/>, <see cref="Pipeline.PipelineContext"/>,
/// <see cref="Pipeline.IJobGate"/>, the jobs and a TimeProvider.
/// </summary>
public static class ReassessApi
{
    public static IServiceCollection AddReassessApi(this IServiceCollection services)
    {
        services.AddSingleton<FunctionKeyFilter>();
        services.AddSingleton<ApiFailures>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<WhatIfHandler>();
        services.AddSingleton<WorkloadHandlers>();
        services.AddSingleton<AssessmentHandlers>();
        services.AddSingleton<EvalHandlers>();
        services.AddSingleton<DecisionHandlers>();
        services.AddSingleton<OutcomeHandlers>();
        services.AddSingleton<ReportHandlers>();
        services.AddSingleton<TrendHandlers>();
        services.AddSingleton<ReassessHandler>();
        return services;
    }

    /// <summary>
    /// The self-host's failure handling, first in its pipeline: whatever an endpoint throws is answered as
    /// <see cref="ApiFailures"/> says, and each API request waits for storage at most <see cref="ApiSettings.StorageTimeout"/>.
    /// (The Functions worker does the same in its own middleware.)
    /// </summary>
    public static IApplicationBuilder UseReassessApiFailures(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = ApiExceptionHandler.HandleAsync,
                // ApiFailures logs each failure once, with what was answered and under which trace id.
                SuppressDiagnosticsCallback = _ => true,
            })
            .UseMiddleware<RequestDeadlineMiddleware>();

    public static IEndpointRouteBuilder MapReassessApi(this IEndpointRouteBuilder app)
    {
        // Whatever a handler throws is answered as a problem (ApiFailures): a 500, or a 503 from the routes that need storage.
        var api = app.MapGroup("/" + HttpCatalog.Routes.Prefix).ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapHealth();

        var keyed = api.MapGroup("").RequireFunctionKey();
        keyed.MapWhatIf();
        keyed.MapWorkloads();
        keyed.MapOutcomes();
        keyed.MapReports();
        keyed.MapTrends();
        keyed.MapReassess();

        // Unknown routes under /api answer in the same problem+json shape as the rest.
        api.MapFallback(() => TypedResults.Problem(title: "Not found.", detail: "No such route; see README \"HTTP API\".", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
        return app;
    }
}
