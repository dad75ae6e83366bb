using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reassess.Api.Http;
using Reassess.Core.Decisions;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Api.Workloads;

public static class WorkloadEndpoints
{
    public static RouteGroupBuilder MapWorkloads(this RouteGroupBuilder group)
    {
        var workloads = group.MapGroup("").WithTags("Workloads").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        workloads.MapGet(Routes.Workloads, (WorkloadHandlers handlers, CancellationToken ct) => handlers.ListAsync(ct))
            .WithName(HttpNames.ListWorkloads)
            .WithSummary("The workload catalogue, by id")
            .Produces<IReadOnlyList<Workload>>();
        workloads.MapGet(Routes.Workload, (string id, WorkloadHandlers handlers, CancellationToken ct) => handlers.GetAsync(id, ct))
            .WithName(HttpNames.GetWorkload)
            .WithSummary("One workload")
            .Produces<Workload>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workloads.MapPut(Routes.Workload, (string id, HttpRequest request, WorkloadHandlers handlers, CancellationToken ct) => handlers.PutAsync(id, request, ct))
            .WithName(HttpNames.PutWorkload)
            .WithSummary("Add a workload (201) or replace it (200)")
            .WithDescription("The URL names the workload; the body may repeat the id but not differ from it.")
            .AcceptsJsonBody<Workload>()
            .Produces<Workload>()
            .Produces<Workload>(StatusCodes.Status201Created);
        workloads.MapDelete(Routes.Workload, (string id, WorkloadHandlers handlers, CancellationToken ct) => handlers.DeleteAsync(id, ct))
            .WithName(HttpNames.DeleteWorkload)
            .WithSummary("Remove a workload from the catalogue")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workloads.MapGet(Routes.WorkloadAssessments, (
                    string id,
                    [Description("From this day (yyyy-MM-dd) or instant (ISO 8601); default 90 days before to.")] string? from,
                    [Description("Up to this day (yyyy-MM-dd, the whole day) or instant; default now.")] string? to,
                    AssessmentHandlers handlers, CancellationToken ct) =>
                handlers.ListAsync(id, from, to, ct))
            .WithName(HttpNames.ListAssessments)
            .WithSummary("A workload's assessment history, oldest first")
            .Produces<IReadOnlyList<Assessment>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workloads.MapPost(Routes.WorkloadEvals, (string id, HttpRequest request, EvalHandlers handlers, CancellationToken ct) => handlers.PostAsync(id, request, ct))
            .WithName(HttpNames.PostEvals)
            .WithSummary("Record a workload's eval scores")
            .WithDescription("One eval point or an array of them, read by the same rules as eval drop files; answers with the points recorded.")
            .AcceptsJsonBody<IReadOnlyList<EvalSubmission>>()
            .Produces<IReadOnlyList<EvalPoint>>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
