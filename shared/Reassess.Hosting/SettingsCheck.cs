using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reassess.Pipeline;
using Reassess.Pipeline.Usage;
using Reassess.Storage.Configuration;

namespace Reassess.Hosting;

/// <summary>
/// Reads every setting the app binds when the host starts, so a missing or invalid one stops start-up with the
/// setting's name (a <see cref="PipelineConfigurationException"/> or <see cref="StorageConfigurationException"/>)
/// instead of failing the first timer or request that needs it.
/// </summary>
public sealed class SettingsCheck(IServiceProvider services) : IHostedService
{
    /// <summary>The settings types the composition root binds; each factory validates what it reads.</summary>
    public static IReadOnlyList<Type> Bound { get; } = [typeof(StorageAccount), typeof(PipelineSettings), typeof(UsageIngestOptions), typeof(Api.ApiSettings)];

    public void Validate()
    {
        foreach (var type in Bound) services.GetRequiredService(type);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Validate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
