using System.Diagnostics;
using System.Text;
using Reassess.Testing;
using Reassess.Tools.Azurite;

namespace Reassess.EndToEnd.Tests;

/// <summary><c>reassess serve</c> stopped the way a service manager or a container stops it (SIGTERM) ends cleanly.</summary>
[Collection(AzuriteFixture.Collection)]
public class ServeShutdownTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sigterm_stops_the_timers_and_the_server_and_exits_with_0()
    {
        var settings = azurite.NewSettings();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "reassess.dll"), "serve", "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(arg);
        start.Environment["AzureWebJobsStorage"] = settings.ConnectionString;
        start.Environment["Storage__NamePrefix"] = settings.NamePrefix;
        start.Environment["AzureFunctionsWebHost__hostid"] = settings.NamePrefix.ToLowerInvariant();
        start.Environment["Reassess__FunctionKeys"] = "serve-shutdown-test-key-0123456789abcdef";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true) started.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var said = output.ToString();
        Assert.True(process.ExitCode == 0, said);
        Assert.Contains("Application is shutting down", said);
        Assert.Contains("stopped", said);
        Assert.DoesNotContain("Unhandled exception", said);
        Assert.DoesNotContain("ObjectDisposedException", said);
    }
}
