using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reassess.Api.OpenApi;

/// <summary>
/// Text an endpoint answers with beside its JSON (a report's page, summary or finance sheet; trends as CSV). Endpoint
/// metadata keeps one response type per status code, the last declared, so a second <c>Produces</c> for 200 would
/// replace the JSON one; the text media types ride as their own metadata and are added to the 200 answer here.
/// </summary>
public static class TextAnswers
{
    public static RouteHandlerBuilder AlsoAnswersAsText(this RouteHandlerBuilder endpoint, params string[] mediaTypes) =>
        endpoint.WithMetadata(new Declared(mediaTypes));

    private sealed record Declared(IReadOnlyList<string> MediaTypes);

    internal sealed class Transformer : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<Declared>().SelectMany(d => d.MediaTypes).ToList();
            if (declared.Count == 0) return Task.CompletedTask;

            var content = operation.Responses?.GetValueOrDefault(StatusCodes.Status200OK.ToString())?.Content
                          ?? throw new InvalidOperationException($"{operation.OperationId} answers as text but declares no 200 answer with content to add it to.");
            foreach (var mediaType in declared)
                content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            return Task.CompletedTask;
        }
    }
}
