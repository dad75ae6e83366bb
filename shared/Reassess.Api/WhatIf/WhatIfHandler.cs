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
        var (json, refused) = await JsonRequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (refused is not null) return refused;
        if (json is null) return JsonRequestBody.Missing("{workload, prices, window}");
        using var body = json;

        try
        {
            return Json.Ok(WhatIfRequest.Assess(body.RootElement, "body", clock));
        }
        catch (InputRejectedException e)
        {
            return Problems.BadRequest(e.Problem);
        }
        catch (OverflowException)
        {
            // Figures no real workload has (a price of 10^28 $/MTok) overflow decimal in the cost model: the request's fault.
            return Problems.BadRequest("body",
                "a figure is too large to compute with (the costs overflow); check the prices, window and fine-tune figures for a slip of the exponent.");
        }
    }
}
