using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reassess.Api.Http;

namespace Reassess.Api.OpenApi;

/// <summary>
/// The function key as OpenAPI security: two apiKey schemes, the <c>x-functions-key</c> header or the <c>code</c>
/// query parameter (either will do, as with Azure Functions), required on the operations behind
/// <see cref="FunctionKeyRequirement"/>.
/// </summary>
public sealed class FunctionKeySecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string HeaderScheme = "functionKeyHeader";
    public const string QueryScheme = "functionKeyQuery";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[HeaderScheme] = Scheme(ParameterLocation.Header, FunctionKeyFilter.Header);
        document.Components.SecuritySchemes[QueryScheme] = Scheme(ParameterLocation.Query, FunctionKeyFilter.Query);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!FunctionKeyRequirement.IsRequiredBy(context.Description.ActionDescriptor.EndpointMetadata)) return Task.CompletedTask;

        // Two requirements: OpenAPI reads a list of them as "any one of these".
        operation.Security ??= [];
        foreach (var scheme in new[] { HeaderScheme, QueryScheme })
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Scheme(ParameterLocation where, string name) => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = where,
        Name = name,
        Description = "A function key: the app's key under Azure Functions, or one of Reassess__FunctionKeys under reassess serve.",
    };
}
