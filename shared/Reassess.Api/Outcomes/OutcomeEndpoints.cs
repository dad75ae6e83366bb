using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reassess.Api.Http;
using Reassess.Core.Outcomes;
using Reassess.Pipeline.Outcomes;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Api.Outcomes;

public static class OutcomeEndpoints
{
    public static RouteGroupBuilder MapOutcomes(this RouteGroupBuilder group)
    {
        var outcomes = group.MapGroup("").WithTags("Outcomes").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        outcomes.MapPost(Routes.WorkloadDecisions, (string id, HttpRequest request, DecisionHandlers handlers, CancellationToken ct) => handlers.PostAsync(id, request, ct))
            .WithName(HttpNames.PostDecision)
            .WithSummary("Record a decision on a workload, with its forecast")
            .WithDescription("Appends the decision to the workload and keeps the forecast of the assessment in force on its day beside it, so later edits cannot move it.")
            .AcceptsJsonBody<WorkloadDecision>()
            .Produces<RecordedDecision>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        outcomes.MapGet(Routes.WorkloadDecisions, (string id, DecisionHandlers handlers, CancellationToken ct) => handlers.ListAsync(id, ct))
            .WithName(HttpNames.ListDecisions)
            .WithSummary("A workload's decisions with their forecasts")
            .Produces<IReadOnlyList<RecordedDecision>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        outcomes.MapGet(Routes.WorkloadOutcome, (
                    string id,
                    [Description("The last day counted (yyyy-MM-dd); default the last whole UTC day.")] string? asOf,
                    OutcomeHandlers handlers, CancellationToken ct) =>
                handlers.GetAsync(id, asOf, ct))
            .WithName(HttpNames.GetOutcome)
            .WithSummary("Did each of the workload's decisions pay, as of a day")
            .Produces<WorkloadOutcome>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
