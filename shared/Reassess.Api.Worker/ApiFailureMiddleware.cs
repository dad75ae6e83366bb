using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Reassess.Api.Http;

namespace Reassess.Api.Worker;

/// <summary>
/// The Functions worker's side of what the self-host does with <c>UseReassessApiFailures</c>: each HTTP invocation
/// waits for storage at most <see cref="ApiSettings.StorageTimeout"/> (<see cref="RequestDeadline"/>), and whatever its
/// function throws is answered with the problem <see cref="ApiFailures"/> makes, written through the invocation's
/// HttpContext (ASP.NET Core integration), so both hosts answer a failure alike. Timer invocations pass through.
/// </summary>
public sealed class ApiFailureMiddleware(ApiFailures failures, ApiSettings settings) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var operation = context.FunctionDefinition.Name;
        try
        {
            using (RequestDeadline.Start(http, operation, settings))
                await next(context);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            // The deadline has ended here, so RequestAborted is the client's again and tells a client that left from a timeout.
            if (failures.Answer(e, http, operation) is not { } answer) return; // the client left: there is no one to answer
            http.Response.Clear();
            await answer.ExecuteAsync(http);
        }
    }
}
