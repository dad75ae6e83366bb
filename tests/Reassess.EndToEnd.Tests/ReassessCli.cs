using System.Diagnostics;
using Reassess.Tools.Azurite;

namespace Reassess.EndToEnd.Tests;

/// <summary>Runs the real <c>reassess</c> program (the Host's build output) in the repo folder, as a person would.</summary>
public static class ReassessCli
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reassess.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The program must see only what the test sets, not a developer's local settings.
        start.Environment.Remove("AzureWebJobsStorage");
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
