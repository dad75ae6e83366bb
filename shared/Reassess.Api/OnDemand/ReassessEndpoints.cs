using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Reassess.Pipeline.Catalog.FunctionCatalog;

namespace Reassess.Api.OnDemand;

public static class ReassessEndpoints
{
    public static RouteGroupBuilder MapReassess(this RouteGroupBuilder group)
    {
        group.MapPost(Routes.Reassess, (HttpRequest request, ReassessHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct));
        return group;
    }
}
