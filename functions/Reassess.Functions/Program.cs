using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reassess.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
Program.ConfigureServices(builder.Services, builder.Configuration);
builder.Build().Run();

/// <summary>The worker's entry point; its services are composed in one method so tests build the same container.</summary>
public partial class Program
{
    /// <summary>
    /// The same composition root as the self-host (<see cref="ReassessServices.AddReassess"/>). The Functions host checks
    /// function keys itself (AuthorizationLevel.Function), so the API's own key list stays empty here.
    /// </summary>
    public static void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddReassess(configuration, AppContext.BaseDirectory);
}
