using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Api;
using Reassess.Host.Cli;
using Reassess.Api.OpenApi;
using Reassess.Hosting;
using Reassess.Pipeline;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;

namespace Reassess.Host.Serve;

/// <summary>
/// The self-hosted process: the HTTP API on Kestrel (and the timers), over the configured storage or the embedded
/// Azurite, configured like the Functions app (local.settings.json "Values", environment, command line).
/// </summary>
public static class ReassessServer
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Lowest precedence, as in Functions: the environment and the command line override local.settings.json.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = HostEnvironment.LocalSettings(builder.Environment.ContentRootPath) });
        // The default address is configuration too, below everything else, so --urls, ASPNETCORE_URLS and a test host win.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("urls", DefaultUrl)] });
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Azure", LogLevel.Warning);

        using var startupLoggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var startup = startupLoggers.CreateLogger("reassess");
        GenerateKeyWhenNoneIsSet(builder.Configuration, startup);
        var storage = await EmbeddedStorage.ResolveAsync(
            StorageSettings.FromConfiguration(builder.Configuration), line => startup.LogInformation("{Line}", line), cancellationToken);
        await new StorageAccount(storage.Settings).EnsureCreatedAsync(cancellationToken);

        builder.Services.AddSingleton(storage); // an instance, so not disposed with the app: whoever runs the app stops an embedded Azurite
        builder.Services.AddReassess(builder.Configuration, builder.Environment.ContentRootPath, storage.Settings);
        builder.Services.AddTimerScheduler(builder.Configuration);
        builder.Services.AddReassessOpenApi();

        var app = builder.Build();
        app.UseReassessApiFailures();
        app.MapReassessApi();
        app.MapReassessApiDocument();
        app.UseApiDocsPage();
        return app;
    }

    /// <summary>
    /// Without configured keys the API still needs one: a random key for this run, printed once and added to the
    /// configuration (highest precedence), so the API reads its keys one way.
    /// </summary>
    private static void GenerateKeyWhenNoneIsSet(ConfigurationManager configuration, ILogger logger)
    {
        if (ApiSettings.FromConfiguration(configuration).FunctionKeys.Count > 0) return;
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        logger.LogWarning("No {Setting} set; this run accepts the generated key {Key} (x-functions-key header or ?code=).", ApiSettings.FunctionKeysSetting, key);
        configuration.AddInMemoryCollection([new($"{PipelineSettings.Section}:FunctionKeys", key)]);
    }
}
