using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Hosting;
using Reassess.Storage.Configuration;

namespace Reassess.Host.Cli;

/// <summary>
/// The services a command works with, composed by the same root as the hosts' (<see cref="PipelineServices"/>), over
/// the command's loggers: settings bound from configuration, HTTP clients from the factory, the jobs.
/// </summary>
internal static class CliServices
{
    /// <summary>Reading sources without storage: HTTP clients, keys, credential, the pipeline's settings.</summary>
    public static ServiceProvider Sources(IConfiguration configuration, ILoggerFactory loggers) =>
        Base(loggers).AddReassessSources(configuration).BuildServiceProvider();

    /// <summary>The pipeline over <paramref name="storage"/> (resolved by <see cref="CliStorage"/>).</summary>
    public static ServiceProvider Pipeline(IConfiguration configuration, string contentRoot, StorageSettings storage, ILoggerFactory loggers) =>
        Base(loggers).AddReassessPipeline(configuration, contentRoot, storage).BuildServiceProvider();

    private static IServiceCollection Base(ILoggerFactory loggers) => new ServiceCollection().AddSingleton(loggers).AddLogging();
}
