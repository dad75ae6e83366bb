using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reassess.Api.Http;
using Reassess.Core.Decisions;
using Reassess.Core.WhatIf;
using static Reassess.Api.HttpCatalog;

namespace Reassess.Api.WhatIf;

public static class WhatIfEndpoints
{
    public static RouteGroupBuilder MapWhatIf(this RouteGroupBuilder group)
    {
        group.MapPost(Routes.WhatIf, (HttpRequest request, WhatIfHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName(HttpNames.WhatIf)
            .WithTags("What-if")
            .WithSummary("Assess a workload on the prices and usage you state; nothing is stored")
            .AcceptsJsonBody<WhatIfBody>()
            .Produces<Assessment>();
        return group;
    }
}
