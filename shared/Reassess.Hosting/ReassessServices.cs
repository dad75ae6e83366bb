using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reassess.Api;
using Reassess.Storage.Configuration;

namespace Reassess.Hosting;

/// <summary>
/// What both hosts (the Functions app and <c>reassess serve</c>) register, so they run the same code over the same
/// settings: the pipeline and its jobs by name, the HTTP API's handlers, telemetry, and a start-up check of every setting.
/// </summary>
public static class ReassessServices
{
    /// <param name="contentRoot">Where relative paths in settings (workloads file, sample sheets) are taken from.</param>
    /// <param name="storage">The storage the host resolved itself (the self-host's embedded Azurite); else configuration's.</param>
    public static IServiceCollection AddReassess(
        this IServiceCollection services, IConfiguration configuration, string contentRoot, StorageSettings? storage = null)
    {
        services.AddReassessPipeline(configuration, contentRoot, storage);
        services.TryAddSingleton(_ => ApiSettings.FromConfiguration(configuration));
        services.AddReassessApi();
        services.AddReassessTelemetry(configuration);
        services.TryAddSingleton<SettingsCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<SettingsCheck>());
        return services;
    }
}
