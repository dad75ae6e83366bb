using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Reassess.Host.Serve;
using Reassess.Pipeline;
using Microsoft.Extensions.DependencyInjection;
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
                await app.RunAsync();
                // Registered as an instance, so the container does not dispose it: stop an embedded Azurite here.
                await app.Services.GetRequiredService<ResolvedStorage>().DisposeAsync();
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
