using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Leases;
using Reassess.Pipeline.Prices;
using Reassess.Pipeline.Usage;
using Reassess.Sources.Http;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;

namespace Reassess.Hosting;

/// <summary>
/// The jobs and what they need, bound from configuration (app settings, <c>local.settings.json</c> "Values", the
/// environment; Key Vault references arrive as resolved values). Settings are read when first asked for, so a bad one
/// fails with its name where it is first needed: at start-up for the hosts (<see cref="SettingsCheck"/>), at once for a
/// CLI command.
/// </summary>
public static class PipelineServices
{
    /// <summary>The host id that keeps this app's locks and timer status apart in <c>azure-webjobs-hosts</c>.</summary>
    public static string HostId(IConfiguration configuration) => WebJobsHosts.HostIdFrom(configuration) ?? DefaultHostId;

    /// <summary>Self-hosted processes on one storage share it, so they share timers and locks like scaled-out Function instances.</summary>
    public const string DefaultHostId = "reassess";

    /// <summary>What reading sources needs without storage (<c>reassess prices import</c>, <c>usage import</c>): clients, keys, credential.</summary>
    public static IServiceCollection AddReassessSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // One credential for the process: it caches its tokens and refreshes them before they expire. In Azure it is
        // the app's managed identity (AZURE_CLIENT_ID names a user-assigned one); locally the developer's login.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        // Not following redirects itself: the puller does, so that admin keys never go to another host.
        services.AddHttpPullerClient();
        // Webhook deliveries: their own client, which neither follows redirects nor logs URLs (a webhook URL is a secret).
        services.AddWebhookClient();
        services.TryAddSingleton(provider => new PriceRefreshOptions { HttpClients = provider.GetRequiredService<IHttpClientFactory>() });
        services.TryAddSingleton(provider => UsageIngestOptions.FromConfiguration(
            configuration, provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<TokenCredential>()));
        return services;
    }

    /// <summary>
    /// The pipeline over one storage account: <paramref name="storage"/> when the host resolved it already (the
    /// self-host may have started Azurite), else the account configuration names.
    /// </summary>
    public static IServiceCollection AddReassessPipeline(
        this IServiceCollection services, IConfiguration configuration, string contentRoot, StorageSettings? storage = null)
    {
        services.AddReassessSources(configuration);
        services.TryAddSingleton(_ => new StorageAccount(storage ?? StorageSettings.FromConfiguration(configuration)));
        services.TryAddSingleton(_ => PipelineSettings.FromConfiguration(configuration, contentRoot));
        services.TryAddSingleton(provider => new PipelineContext(
            provider.GetRequiredService<StorageAccount>(), provider.GetRequiredService<PipelineSettings>(),
            provider.GetRequiredService<PriceRefreshOptions>(), provider.GetRequiredService<UsageIngestOptions>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger("Reassess.Jobs")));
        services.TryAddSingleton(provider => new JobLeases(
            provider.GetRequiredService<StorageAccount>(), HostId(configuration), clock: provider.GetRequiredService<TimeProvider>(),
            logger: provider.GetRequiredService<ILoggerFactory>().CreateLogger("Reassess.Leases")));
        services.TryAddSingleton<IJobGate>(provider => provider.GetRequiredService<JobLeases>());
        services.TryAddSingleton(provider => new TeamsFileReader(configuration));
        services.TryAddSingleton(provider => new WebhookSender(
            provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<TimeProvider>(),
            logger: provider.GetRequiredService<ILoggerFactory>().CreateLogger("Reassess.Delivery")));
        services.TryAddSingleton(provider => new Postbox(
            provider.GetRequiredService<PipelineContext>().Deliveries, provider.GetRequiredService<WebhookSender>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<Deliveries>();

        services.TryAddSingleton<SyncWorkloads>();
        services.TryAddSingleton<WeeklyRun>();
        AddTimerJob<RefreshPrices>(services, JobName.RefreshPrices);
        AddTimerJob<IngestUsage>(services, JobName.IngestUsage);
        AddTimerJob<ReassessWorkloads>(services, JobName.ReassessWorkloads);
        AddTimerJob<PublishWeeklyReport>(services, JobName.PublishWeeklyReport);
        AddTimerJob<DeliverWeeklyReport>(services, JobName.DeliverWeeklyReport);
        services.TryAddSingleton<TimerJobs>();
        return services;
    }

    /// <summary>The job as itself (for callers that run it directly) and as the timer's job under its name.</summary>
    private static void AddTimerJob<TJob>(IServiceCollection services, JobName job)
        where TJob : class, ITimerJob
    {
        services.TryAddSingleton<TJob>();
        services.AddKeyedSingleton<ITimerJob>(job, (provider, _) => provider.GetRequiredService<TJob>());
    }
}
