using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline;
using Reassess.Pipeline.Scheduling.Leases;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;

namespace Reassess.Api.Hosting;

/// <summary>The services both hosts (the Functions app and <c>reassess serve</c>) register, so they run the same code.</summary>
public static class ReassessServices
{
    public static IServiceCollection AddReassess(
        this IServiceCollection services, IConfiguration configuration, StorageSettings storage, string contentRoot, ApiSettings api)
    {
        var account = new StorageAccount(storage);
        services.AddSingleton(account);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(PipelineSettings.FromConfiguration(configuration, contentRoot));
        services.AddSingleton(provider => new PipelineContext(
            account, provider.GetRequiredService<PipelineSettings>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Reassess.Jobs")));
        services.AddSingleton<IJobGate>(provider => new JobLeases(
            account, HostId(configuration), clock: provider.GetRequiredService<TimeProvider>(),
            logger: provider.GetRequiredService<ILoggerFactory>().CreateLogger("Reassess.Leases")));
        services.AddSingleton<ReassessJobs>();
        services.AddReassessApi(api);
        return services;
    }

    /// <summary>The host id that keeps this app's locks and timer status apart in <c>azure-webjobs-hosts</c>.</summary>
    public static string HostId(IConfiguration configuration) => WebJobsHosts.HostIdFrom(configuration) ?? DefaultHostId;

    /// <summary>Self-hosted processes on one storage share it, so they share timers and locks like scaled-out Function instances.</summary>
    public const string DefaultHostId = "reassess";
}
