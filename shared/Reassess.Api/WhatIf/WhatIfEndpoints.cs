using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Reassess.Pipeline.Catalog.FunctionCatalog;

namespace Reassess.Api.WhatIf;

public static class WhatIfEndpoints
{
    public static RouteGroupBuilder MapWhatIf(this RouteGroupBuilder group)
    {
        group.MapPost(Routes.WhatIf, (HttpRequest request, WhatIfHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct));
        return group;
    }
}
