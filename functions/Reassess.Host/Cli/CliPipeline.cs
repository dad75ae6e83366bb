using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reassess.Host.Cli;

/// <summary>
/// A command's pipeline, opened the one way every storage command opens it: configuration from the current folder,
/// the configured storage or the embedded Azurite (<see cref="CliStorage"/>), and the services the hosts compose
/// (<see cref="CliServices"/>). Disposing it disposes the services, then stops an Azurite it started.
/// </summary>
internal sealed class CliPipeline : IAsyncDisposable
{
    private readonly CliStorage _storage;

    private CliPipeline(CliStorage storage, ServiceProvider services) => (_storage, Services) = (storage, services);

    public ServiceProvider Services { get; }

    /// <exception cref="Reassess.Pipeline.PipelineConfigurationException">A setting is wrong (the command exits with 2).</exception>
    /// <exception cref="Reassess.Storage.Configuration.StorageConfigurationException">The storage settings are wrong (exit 2).</exception>
    public static async Task<CliPipeline> OpenAsync(ILoggerFactory loggers, ILogger logger, CancellationToken cancellationToken)
    {
        var contentRoot = Directory.GetCurrentDirectory();
        var configuration = HostEnvironment.LoadConfiguration(contentRoot);
        var storage = await CliStorage.OpenAsync(configuration, line => logger.LogInformation("{Line}", line), cancellationToken);
        try
        {
            return new CliPipeline(storage, CliServices.Pipeline(configuration, contentRoot, storage.Account.Settings, loggers));
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
