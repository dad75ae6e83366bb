using System.CommandLine;
using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;
using Reassess.Core.WhatIf;

namespace Reassess.Host.Cli;

/// <summary><c>reassess whatif FILE</c>: assess a what-if body (docs/contracts.md) and print the assessment JSON; nothing is stored.</summary>
public static class WhatIfCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "What-if body: { workload, prices, window } (JSON; '-' reads standard input)." };
        var command = new Command("whatif", "Assess a workload under the prices and usage you give; prints the assessment JSON, stores nothing.") { file };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var fromStdin = file.Name == "-";
        try
        {
            await using var body = fromStdin ? Console.OpenStandardInput() : file.OpenRead();
            var assessment = await WhatIfRequest.AssessAsync(body, fromStdin ? "stdin" : file.FullName, TimeProvider.System, cancellationToken);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(assessment, ReassessJson.Options));
            return 0;
        }
        catch (InputRejectedException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Problem}");
            return 1;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {file.FullName} cannot be read ({e.Message}).");
            return 1;
        }
    }
}
