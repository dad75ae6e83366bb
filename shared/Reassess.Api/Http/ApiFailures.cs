using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reassess.Storage.Tables;

namespace Reassess.Api.Http;

/// <summary>
/// What an API request that threw is answered with, the same from both hosts (the self-host's exception handler,
/// <see cref="ApiExceptionHandler"/>, and the Functions worker's middleware): storage that cannot be reached or did not
/// answer in time is a 503 with Retry-After saying what to check; a request the server could not read is its 4xx;
/// anything else is a 500 that carries the trace id, so the cause can be found in the log, and nothing of the
/// exception itself (no message, type or stack, which may name storage hosts or worse).
/// </summary>
public sealed class ApiFailures(ApiSettings settings, ILogger<ApiFailures> logger)
{
    /// <summary>Seconds a client is told to wait before retrying when storage is down: long enough for an emulator or a failover to come back.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>
    /// The answer to <paramref name="exception"/>, thrown while serving <paramref name="operation"/> (an HTTP function's
    /// name; null for other routes); null when the client cancelled the request, as then no one is waiting for one.
    /// Call it once the request's deadline has ended, so <see cref="HttpContext.RequestAborted"/> is the client's own.
    /// </summary>
    public IResult? Answer(Exception exception, HttpContext context, string? operation)
    {
        if (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested) return null;
        // A failure is of its moment: no cache may keep it (what ASP.NET Core's exception handler sends, so both hosts agree).
        return Problem(exception, context, operation ?? "a request").WithHeaders(("Cache-Control", "no-cache,no-store"));
    }

    private IResult Problem(Exception exception, HttpContext context, string operation)
    {
        if (exception is BadHttpRequestException bad)
        {
            // The server could not read the request (a body cut off mid-stream, over the server's own size limit).
            logger.LogInformation("{Operation}: the request could not be read ({Status}): {Reason}", operation, bad.StatusCode, bad.Message);
            return TypedResults.Problem(title: "The request could not be read.", detail: $"{bad.Message} Send it again, whole.",
                statusCode: bad.StatusCode, extensions: new Dictionary<string, object?> { ["field"] = "body" });
        }

        var traceId = Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
        Activity.Current?.AddException(exception);
        if (Unavailable(exception) is { } reason)
        {
            logger.LogWarning(exception, "{Operation}: storage {Reason}; answered 503 (trace {TraceId})", operation, reason, traceId);
            return TypedResults.Problem(
                    title: "Storage is unavailable.",
                    detail: $"Storage {reason}. Check AzureWebJobsStorage (or its AzureWebJobsStorage__* settings) and that the storage account, " +
                            $"or Azurite locally, is running; retry in {RetryAfterSeconds} s. If storage is only slow, raise Reassess__ApiStorageTimeoutSeconds.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    extensions: new Dictionary<string, object?> { ["traceId"] = traceId })
                .WithHeaders(("Retry-After", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)));
        }

        logger.LogError(exception, "{Operation} failed unexpectedly; answered 500 (trace {TraceId})", operation, traceId);
        return TypedResults.Problem(
            title: "Unexpected error.",
            detail: $"The request failed on the server. The server's log has the cause under trace id {traceId}; quote it when reporting this.",
            statusCode: StatusCodes.Status500InternalServerError,
            extensions: new Dictionary<string, object?> { ["traceId"] = traceId });
    }

    /// <summary>
    /// Why storage could not serve the request, when that is what <paramref name="exception"/> says: no connection
    /// (status 0), throttled or failing (408, 429, 5xx) past the clients' retries, or no answer before the request's
    /// deadline or a timeout. Null for anything else, storage's 4xx answers included (a bug or a misconfiguration, not an outage).
    /// </summary>
    private string? Unavailable(Exception exception) => (StorageFailure.StatusOf(exception), exception) switch
    {
        (0, _) or (_, HttpRequestException) => "could not be reached",
        (int status and (408 or 429 or >= 500), _) => $"kept answering {status} (busy or failing)",
        // The client is still there (Answer checked), so the request's deadline or a timeout cancelled it.
        (_, OperationCanceledException or TimeoutException) => $"did not answer within {settings.StorageTimeout.TotalSeconds:0} s",
        (_, AggregateException all) => all.InnerExceptions.Select(Unavailable).FirstOrDefault(r => r is not null),
        (_, { InnerException: { } inner }) => Unavailable(inner),
        _ => null,
    };
}
