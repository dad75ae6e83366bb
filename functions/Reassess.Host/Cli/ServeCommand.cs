using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Reassess.Host.Serve;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Pipeline;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;

namespace Reassess.Host.Cli;

/// <summary><c>reassess serve</c>: the HTTP API and the timers in one process, the local stand-in for the Functions app.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", $"Serve the HTTP API (default {ReassessServer.DefaultUrl}; --urls to change) and run the timers.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var app = await ReassessServer.BuildAsync(parse.UnmatchedTokens.ToArray(), cancellationToken);
                // Registered as an instance, so the container does not dispose it: an embedded Azurite is stopped here.
                // Taken before running, as RunAsync disposes the app's services when it returns.
                await using var storage = app.Services.GetRequiredService<ResolvedStorage>();
                await app.RunAsync();
                return 0;
            }
            catch (Exception e) when (e is PipelineConfigurationException or StorageConfigurationException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
