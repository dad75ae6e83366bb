using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Reassess.Pipeline.Catalog.FunctionCatalog;

namespace Reassess.Api.Workloads;

public static class WorkloadEndpoints
{
    public static RouteGroupBuilder MapWorkloads(this RouteGroupBuilder group)
    {
        group.MapGet(Routes.Workloads, (WorkloadHandlers handlers, CancellationToken ct) => handlers.ListAsync(ct));
        group.MapGet(Routes.Workload, (string id, WorkloadHandlers handlers, CancellationToken ct) => handlers.GetAsync(id, ct));
        group.MapPut(Routes.Workload, (string id, HttpRequest request, WorkloadHandlers handlers, CancellationToken ct) => handlers.PutAsync(id, request, ct));
        group.MapDelete(Routes.Workload, (string id, WorkloadHandlers handlers, CancellationToken ct) => handlers.DeleteAsync(id, ct));
        group.MapGet(Routes.WorkloadAssessments, (string id, string? from, string? to, AssessmentHandlers handlers, CancellationToken ct) =>
            handlers.ListAsync(id, from, to, ct));
        group.MapPost(Routes.WorkloadEvals, (string id, HttpRequest request, EvalHandlers handlers, CancellationToken ct) => handlers.PostAsync(id, request, ct));
        return group;
    }
}
