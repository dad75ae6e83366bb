using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

/// <summary>
/// A private copy of the repo's <c>samples/</c> folder that a test may break on purpose, and a pipeline context over
/// it on its own tables and containers.
/// </summary>
public sealed class SampleWorkspace : IDisposable
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public SampleWorkspace(StorageAccount account)
    {
        Root = Directory.CreateTempSubdirectory("reassess-samples-").FullName;
        CopyFolder(Path.Combine(RepositoryRoot.Find(), "samples"), Path.Combine(Root, "samples"));
        Context = TestPipeline.Context(account, new PipelineSettings { ContentRoot = Root });
    }

    public string Root { get; }
    public PipelineContext Context { get; }

    /// <summary>The context's blobs by path, to check where the jobs put files.</summary>
    public BlobFiles Files => new(Context.Account);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public Task<WeeklyRun.Result> RunAsync(int weeks = 1) => new WeeklyRun(Context).RunAsync(AsOf, weeks);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Copies <paramref name="from"/> with everything under it to <paramref name="to"/>.</summary>
    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
