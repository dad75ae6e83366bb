extern alias worker;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reassess.Functions.Tests;

/// <summary>
/// The worker's service container built the way its Program.cs builds it (<c>Program.ConfigureServices</c>), without
/// the Functions host's gRPC channel, over the settings given; and the function classes the worker activates from it.
/// </summary>
public static class WorkerServices
{
    /// <param name="observe">Added after the app's own services: what a test listens with (an in-memory exporter).</param>
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null, Action<IServiceCollection>? observe = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        // The composition root adds the system clock only when none is registered, so a test's clock goes first.
        if (clock is not null) services.AddSingleton(clock);
        worker::Program.ConfigureServices(services, configuration);
        observe?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Every class with a [Function] method, as the worker finds them.</summary>
    public static IReadOnlyList<Type> FunctionClasses { get; } = typeof(worker::Reassess.Functions.Timers.TimerFunctions).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .ToList();

    /// <summary>A function class as the worker makes one for an invocation (constructor injection from the container).</summary>
    public static T Activate<T>(IServiceProvider services) => ActivatorUtilities.CreateInstance<T>(services);
}
