using Microsoft.AspNetCore.Http;
using Reassess.Api.Http;
using Reassess.Core.Ingestion;
using Reassess.Core.WhatIf;

namespace Reassess.Api.WhatIf;

/// <summary><c>POST /api/whatif</c>: assess the workload, prices and window in the body; nothing is stored.</summary>
public sealed class WhatIfHandler(ApiSettings settings, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = await RequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (body is null) return Problems.TooLarge(settings.MaxRequestBodyBytes);

        try
        {
            return Json.Ok(await WhatIfRequest.AssessAsync(body, "body", clock, cancellationToken));
        }
        catch (InputRejectedException e)
        {
            return Problems.BadRequest(e.Problem);
        }
    }
}
