using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Pipeline;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>
/// The real self-hosted app (<c>reassess serve</c>) on Kestrel, over its own tables and containers in the shared
/// Azurite, with one known function key.
/// </summary>
/// <param name="settings">Extra app settings, by name as configuration spells them (<c>Reassess:TeamsPath</c>).</param>
/// <param name="services">Registered after the app's own services, so what it registers wins (a failing dependency).</param>
public sealed class ReassessApiFactory(
    AzuriteFixture azurite, int maxBodyBytes = 64 * 1024, int reassessWaitSeconds = 1, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string Key = "test-key-0123456789abcdefghijklmnopqrstuv";

    public StorageSettings Storage { get; } = azurite.NewSettings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot.Find());
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("AzureWebJobsStorage", Storage.ConnectionString);
        builder.UseSetting("Storage:NamePrefix", Storage.NamePrefix);
        builder.UseSetting("Reassess:FunctionKeys", $"default={Key}");
        builder.UseSetting("Reassess:MaxRequestBodyBytes", maxBodyBytes.ToString());
        builder.UseSetting("Reassess:ReassessWaitSeconds", reassessWaitSeconds.ToString());
        builder.UseSetting("Reassess:Scheduler", "off");
        // Locks and timer status live in the shared azure-webjobs-hosts container, kept apart by host id.
        builder.UseSetting("AzureFunctionsWebHost:hostid", Storage.NamePrefix.ToLowerInvariant());
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(name, value);
        if (services is not null) builder.ConfigureServices(services);
    }

    public PipelineContext Context => Services.GetRequiredService<PipelineContext>();

    /// <summary>A client that sends the function key.</summary>
    public HttpClient KeyedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        return client;
    }

    public static ReassessApiFactory StartOnKestrel(
        AzuriteFixture azurite, int maxBodyBytes = 64 * 1024, int reassessWaitSeconds = 1, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new ReassessApiFactory(azurite, maxBodyBytes, reassessWaitSeconds, services, settings);
        // The port comes from the "urls" setting (port 0: any free one); UseKestrel(port) re-sets addresses after start and races it.
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }
}
