using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Reassess.Pipeline.Catalog.FunctionCatalog;

namespace Reassess.Api.Trends;

public static class TrendEndpoints
{
    public static RouteGroupBuilder MapTrends(this RouteGroupBuilder group)
    {
        group.MapGet(Routes.Trends, (string? by, string? from, string? to, string? format, TrendHandlers handlers, CancellationToken ct) =>
            handlers.GetAsync(by, from, to, format, ct));
        return group;
    }
}
