using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Reassess.Api.Http;

/// <summary>
/// Describes an endpoint whose handler reads its body through <see cref="JsonRequestBody"/>: the body's type (the
/// handler reads raw JSON, so nothing infers it) and the problems that reading answers with.
/// </summary>
public static class JsonBodyDescription
{
    public static RouteHandlerBuilder AcceptsJsonBody<TBody>(this RouteHandlerBuilder endpoint, bool isOptional = false) where TBody : notnull =>
        // Accepts metadata naming no media type: routing would otherwise match on Content-Type, so a body sent without
        // one, or as text/plain, would miss the endpoint (a 404 from the fallback) instead of getting the handler's
        // 400 or 415 that says what to send. The document shows the body as application/json all the same.
        endpoint.WithMetadata(new AcceptsMetadata([], typeof(TBody), isOptional))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
