using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Reassess.Pipeline.Catalog.FunctionCatalog;

namespace Reassess.Api.Health;

public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder group)
    {
        group.MapGet(Routes.Health, (HealthHandler handler, CancellationToken ct) => handler.HandleAsync(ct));
        return group;
    }
}
