using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Reassess.Api.Http;

/// <summary>
/// The self-host's answer to whatever an endpoint throws, run by ASP.NET Core's exception handler middleware (which
/// has already cleared the response, and answers a client that left, 499, itself): the problem <see cref="ApiFailures"/> makes.
/// </summary>
public static class ApiExceptionHandler
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (context.Features.Get<IExceptionHandlerFeature>() is not { } failure) return;
        // The middleware took the endpoint off the context; the feature keeps the one that threw.
        var operation = failure.Endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var answer = context.RequestServices.GetRequiredService<ApiFailures>().Answer(failure.Error, context, operation);
        if (answer is not null) await answer.ExecuteAsync(context);
    }
}
