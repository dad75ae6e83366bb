using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Reassess.Core.Json;

namespace Reassess.Api.OpenApi;

/// <summary>
/// The HTTP API's OpenAPI document, made from the endpoint descriptions of <see cref="ReassessApi.MapReassessApi"/>:
/// served by <c>reassess serve</c>, and written at build time into the Functions app's output (which cannot make it at
/// run time, having no minimal-API endpoints).
/// </summary>
public static class ApiDocument
{
    public const string FileName = "openapi.json";
    public const string Path = "/" + HttpCatalog.Routes.Prefix + "/" + FileName;

    public static IServiceCollection AddReassessOpenApi(this IServiceCollection services)
    {
        // Schemas come from the ASP.NET JSON options; the handlers answer with ReassessJson instead, so the options are
        // brought in line with it (enum names as text). Numbers are declared as numbers: the API writes them so, and
        // the readers' tolerance of quoted numbers is not something to advertise.
        services.ConfigureHttpJsonOptions(options =>
        {
            foreach (var converter in ReassessJson.Options.Converters) options.SerializerOptions.Converters.Add(converter);
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // The default document name ("v1"), which MapOpenApi serves when its route names none.
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Reassess HTTP API",
                    Version = "1",
                    Description = "Reassess decides, workload by workload, whether an AI workload stays on its prompted frontier model or " +
                                  "moves to a fine-tune. This API holds the workload catalogue and eval scores, assesses on demand or as a what-if, " +
                                  "and serves the weekly reports and cost trends. Every operation but health needs a function key. " +
                                  "Problems answer as application/problem+json; a request's problem names the member or parameter to fix in 'field'.",
                };
                return Task.CompletedTask;
            });
            var security = new FunctionKeySecurity();
            options.AddDocumentTransformer(security);
            options.AddOperationTransformer(security);
            options.AddOperationTransformer(new TextAnswers.Transformer());
            // Nested answer types (HealthHandler.Report, ReassessHandler.Answer) are named by their feature, not "Report".
            options.CreateSchemaReferenceId = type => type.Type.DeclaringType is { } feature
                ? feature.Name.Replace("Handler", "") + type.Type.Name
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });
        return services;
    }

    /// <summary>Serves the document at <see cref="Path"/>, keyless: it describes the API and holds no data.</summary>
    public static IEndpointRouteBuilder MapReassessApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path);
        return app;
    }
}
