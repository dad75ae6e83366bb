using Microsoft.AspNetCore.Builder;
using Reassess.Api.OpenApi;
using Reassess.Api;

namespace Reassess.Host.Serve;

/// <summary>
/// A browsable page over the OpenAPI document: Swagger UI, whose scripts and styles are served from the package's
/// embedded copy, so the page works without internet (the online spec validator stays off, Swashbuckle's default).
/// Keyless like the document; "Authorize" takes a function key for trying operations out.
/// </summary>
public static class ApiDocsPage
{
    public const string RoutePrefix = HttpCatalog.Routes.Prefix + "/docs";

    public static WebApplication UseApiDocsPage(this WebApplication app)
    {
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = RoutePrefix;
            options.DocumentTitle = "Reassess HTTP API";
            options.SwaggerEndpoint(ApiDocument.Path, "Reassess HTTP API");
        });
        return app;
    }
}
