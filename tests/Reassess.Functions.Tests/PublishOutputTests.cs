using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Reassess.Tools.Azurite;

namespace Reassess.Functions.Tests;

/// <summary>
/// What <c>dotnet publish</c> of the Functions app ships: what the Functions host needs to index and run it, and nothing
/// that belongs to a developer's machine (samples, tests, local settings, the self-host and its timer scheduler, and
/// the local tooling of Reassess.Tools: the Azurite launcher, benchmarks and cross-checks).
/// </summary>
public class PublishOutputTests
{
    [Fact]
    public async Task Publishing_the_app_ships_the_host_files_and_the_app_and_nothing_local()
    {
        var output = Directory.CreateTempSubdirectory("reassess-publish-").FullName;
        try
        {
            await PublishAsync(output);

            var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).ToList();
            Assert.All(["host.json", "functions.metadata", "worker.config.json", "extensions.json", "openapi.json", "Reassess.Functions.dll", "Reassess.Hosting.dll", ".azurefunctions/Microsoft.Azure.Functions.Worker.Extensions.dll"],
                required => Assert.Contains(required, files));
            var local = files.Where(f =>
                f.StartsWith("samples/", StringComparison.Ordinal) || f.StartsWith("node_modules/", StringComparison.Ordinal) ||
                f is "local.settings.json" or "package.json" or "reassess.dll" or "Reassess.Tools.dll" or "System.CommandLine.dll" ||
                f.Contains("Tests", StringComparison.Ordinal) || f.Contains("Testing", StringComparison.Ordinal) || f.Contains("xunit", StringComparison.OrdinalIgnoreCase) ||
                f.Contains("Moq", StringComparison.Ordinal)).ToList();
            Assert.True(local.Count == 0, "published, but local-only: " + string.Join(", ", local));
            // The tooling (Azurite launcher, benchmarks, cross-checks) lives in Reassess.Tools: no shipped assembly may need it.
            var shipped = files.Where(f => f.StartsWith("Reassess.", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
                ["Reassess.Api.Worker.dll", "Reassess.Api.dll", "Reassess.Core.dll", "Reassess.Functions.dll", "Reassess.Hosting.dll", "Reassess.Pipeline.dll", "Reassess.Sources.dll", "Reassess.Storage.dll"],
                shipped);
            Assert.All(shipped, assembly => Assert.DoesNotContain("Reassess.Tools", References(Path.Combine(output, assembly))));
            // The Functions host runs the timers itself: the self-host's scheduler, and the NCRONTAB library it reads
            // schedules with, stay in the self-host.
            Assert.DoesNotContain("NCrontab.Signed.dll", files);
            Assert.All(shipped, assembly => Assert.DoesNotContain(TypeNames(Path.Combine(output, assembly)),
                type => type.StartsWith("Reassess.Host.", StringComparison.Ordinal) || type.EndsWith(".TimerScheduler", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static IReadOnlyList<string> TypeNames(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(t => metadata.GetTypeDefinition(t))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}").ToList();
    }

    private static IReadOnlyList<string> References(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
    }

    /// <summary>Publishes what the solution built (same configuration, no rebuild), as the deployment does from a build.</summary>
    private static async Task PublishAsync(string output)
    {
        // bin/{Configuration}/net10.0/: the configuration this test assembly, and so the app it references, was built in.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var project = Path.Combine(RepositoryRoot.Find(), "functions", "Reassess.Functions", "Reassess.Functions.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "--nologo", "-o", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var said = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish exited with {process.ExitCode}:\n{await said}\n{await errors}");
    }
}
