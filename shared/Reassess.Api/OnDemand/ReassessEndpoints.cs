using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reassess.Api.Http;
using Reassess.Pipeline.Jobs;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Api.OnDemand;

public static class ReassessEndpoints
{
    public static RouteGroupBuilder MapReassess(this RouteGroupBuilder group)
    {
        group.MapPost(Routes.Reassess, (HttpRequest request, ReassessHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(HttpNames.Reassess)
            .WithTags("Reassessment")
            .WithSummary("Reassess workloads now, all or the ones named, and answer with their new assessments")
            .WithDescription($"Takes turns with the weekly {nameof(JobName.ReassessWorkloads)} run: when one is running past the wait, answers 409 with Retry-After.")
            .AcceptsJsonBody<ReassessSelection>(isOptional: true)
            .Produces<ReassessHandler.Answer>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
