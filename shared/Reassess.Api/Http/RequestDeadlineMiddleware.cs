using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reassess.Api.Http;

/// <summary>The self-host's <see cref="RequestDeadline"/>: after routing, so the endpoint (the operation) is known.</summary>
public sealed class RequestDeadlineMiddleware(RequestDelegate next, ApiSettings settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var deadline = RequestDeadline.Start(context, context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, settings);
        await next(context);
    }
}
