using Reassess.Storage.Local;
using Xunit.Abstractions;
namespace Reassess.Storage.Tests;
public sealed class TmpInstallTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Tmp_install_twice_in_parallel()
    {
        var dir = Directory.CreateTempSubdirectory("reassess-install-").FullName;
        foreach (var f in new[] { "package.json", "package-lock.json", "Reassess.sln" })
            File.Copy(Path.Combine(RepositoryRoot.Find(), f), Path.Combine(dir, f));
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var a = AzuriteLauncher.EnsureInstalledAsync(dir, s => lines.Enqueue("A " + s));
        var b = AzuriteLauncher.EnsureInstalledAsync(dir, s => lines.Enqueue("B " + s));
        var paths = await Task.WhenAll(a, b);
        foreach (var l in lines) output.WriteLine(l);
        await using var az = await AzuriteLauncher.StartAsync(new AzuriteOptions { RepositoryRoot = dir });
        output.WriteLine(az.ConnectionString);
        Directory.Delete(dir, true);
        Assert.Equal(paths[0], paths[1]);
    }
}
