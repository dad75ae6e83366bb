using Microsoft.AspNetCore.Http;

namespace Reassess.Api.Http;

/// <summary>
/// How long an API request may wait for storage. The storage clients retry a failing call for about half a minute,
/// which suits a job and not a caller waiting on a request: without a limit, a request to an unreachable account hangs
/// that long and then fails. For the length of the request, <see cref="HttpContext.RequestAborted"/> (the token every
/// handler is given) is replaced by one that is also cancelled after <see cref="ApiSettings.StorageTimeout"/>, which
/// cuts the retries short; <see cref="ApiFailures"/> then answers 503, telling the deadline from a client that left
/// by the client's own token, which is put back when the deadline ends.
/// </summary>
public sealed class RequestDeadline : IDisposable
{
    private readonly HttpContext _context;
    private readonly TimeSpan _limit;
    private readonly CancellationToken _client;
    private readonly CancellationTokenSource _source;

    private RequestDeadline(HttpContext context, TimeSpan limit)
    {
        _context = context;
        _limit = limit;
        _client = context.RequestAborted;
        _source = CancellationTokenSource.CreateLinkedTokenSource(_client);
        _source.CancelAfter(limit);
        context.RequestAborted = _source.Token;
        context.Features.Set(this);
    }

    /// <summary>
    /// The deadline for <paramref name="operation"/> (an HTTP function's name, which is also its endpoint's name in the
    /// self-host), or null where there is no storage to wait for: health bounds its own check and still answers (503
    /// with its report), a what-if reads and stores nothing, and routes that are not API operations (the OpenAPI
    /// document, the docs page, unknown routes) touch no storage.
    /// </summary>
    public static RequestDeadline? Start(HttpContext context, string? operation, ApiSettings settings) =>
        operation is null or HttpCatalog.HttpNames.Health or HttpCatalog.HttpNames.WhatIf || !HttpCatalog.Functions.Any(f => f.Name == operation)
            ? null
            : new RequestDeadline(context, settings.StorageTimeout);

    /// <summary>
    /// Ends the deadline early for work that may rightly take longer once storage has answered: waiting for a running
    /// reassessment and the run itself. The client's cancellation still holds.
    /// </summary>
    public static void Lift(HttpContext context) => context.Features.Get<RequestDeadline>()?._source.CancelAfter(Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Stops the clock while the request's own body comes in (a slow upload is not slow storage); when the returned
    /// scope ends, storage has the whole limit again. Null without a deadline.
    /// </summary>
    public static IDisposable? Pause(HttpContext context)
    {
        if (context.Features.Get<RequestDeadline>() is not { } deadline) return null;
        deadline._source.CancelAfter(Timeout.InfiniteTimeSpan);
        return new Resumed(deadline);
    }

    public void Dispose()
    {
        _context.RequestAborted = _client;
        _context.Features.Set<RequestDeadline>(null);
        _source.Dispose();
    }

    private sealed class Resumed(RequestDeadline deadline) : IDisposable
    {
        public void Dispose()
        {
            // The request's deadline may have ended first, its clock disposed: then there is nothing to re-arm.
            if (deadline._context.Features.Get<RequestDeadline>() == deadline) deadline._source.CancelAfter(deadline._limit);
        }
    }
}
