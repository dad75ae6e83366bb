using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reassess.Api.Worker;
using Reassess.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// After the ASP.NET Core integration, so each HTTP invocation's HttpContext is there to answer a failure through.
builder.UseMiddleware<ApiFailureMiddleware>();
Program.ConfigureServices(builder.Services, builder.Configuration);
builder.Build().Run();

/// <summary>The worker's entry point; its services are composed in one method so tests build the same container.</summary>
public partial class Program
{
    /// <summary>
    /// The same composition root as the self-host (<see cref="ReassessServices.AddReassess"/>), plus the worker's own
    /// invocation spans, so a timer's or request's trace continues the one the Functions host started. The Functions
    /// host checks function keys itself (AuthorizationLevel.Function), so the API's own key list stays empty here.
    /// </summary>
    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddReassess(configuration, AppContext.BaseDirectory).AddOpenTelemetry().UseFunctionsWorkerDefaults();
}
