using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Api.Health;

public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder group)
    {
        group.MapGet(Routes.Health, (HealthHandler handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithName(HttpNames.Health)
            .WithTags("Health")
            .WithSummary("Is storage reachable, and when did each job last run")
            .WithDescription("Needs no function key, so a load balancer or uptime probe can ask. Answers 503 with the same body when storage does not answer.")
            .Produces<HealthHandler.Report>()
            .Produces<HealthHandler.Report>(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
