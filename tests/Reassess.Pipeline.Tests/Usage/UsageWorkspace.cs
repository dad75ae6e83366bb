using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Core.Usage;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Usage;
using Reassess.Storage.Configuration;

namespace Reassess.Pipeline.Tests.Usage;

/// <summary>The sample workspace with usage sources of a test's choosing, its workloads already synced.</summary>
public sealed class UsageWorkspace : IDisposable
{
    public static readonly DateTimeOffset AsOf = SampleWorkspace.AsOf;

    private readonly SampleWorkspace _samples;

    private UsageWorkspace(SampleWorkspace samples, PipelineContext context)
    {
        _samples = samples;
        Context = context;
    }

    public PipelineContext Context { get; }

    public string Root => _samples.Root;

    /// <param name="usageSources">As the setting writes them: <c>focus=exports;csv=samples/usage-drops/usage</c>.</param>
    /// <param name="editWorkloads">Changes to <c>samples/workloads.json</c> before it is synced.</param>
    public static async Task<UsageWorkspace> CreateAsync(StorageAccount account, string usageSources, Func<string, string>? editWorkloads = null)
    {
        var samples = new SampleWorkspace(account);
        var workloads = samples.PathOf("samples/workloads.json");
        if (editWorkloads is not null) File.WriteAllText(workloads, editWorkloads(File.ReadAllText(workloads)));
        var settings = new PipelineSettings { ContentRoot = samples.Root, UsageSources = SourceSpec.ParseList(usageSources, "UsageSources") };
        var context = new PipelineContext(account, settings, TimeProvider.System, NullLogger.Instance);
        await SyncWorkloads.RunAsync(context, "test");
        return new UsageWorkspace(samples, context);
    }

    public string PathOf(string relative) => _samples.PathOf(relative);

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<JobOutcome> IngestAsync(UsageIngestOptions? options = null) =>
        IngestUsage.RunAsync(Context, "test", options ?? new UsageIngestOptions());

    public async Task<DailyUsage?> StoredAsync(string workload, DateOnly day, string source) =>
        (await Context.Usage.GetDailyAsync(workload, day, day)).SingleOrDefault(r => r.Source == source);

    public void Dispose() => _samples.Dispose();
}
