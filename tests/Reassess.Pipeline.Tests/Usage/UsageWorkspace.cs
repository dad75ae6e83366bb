using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Core.Time;
using Reassess.Core.Usage;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Usage;
using Reassess.Storage.Configuration;
using Reassess.Testing;

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
        var context = TestPipeline.Context(account, settings);
        await new SyncWorkloads(context).RunAsync(IsoWeek.Of(AsOf));
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

    /// <summary>IngestUsage on the day of <see cref="AsOf"/>, with <paramref name="options"/> instead of the context's when given.</summary>
    public Task<JobOutcome> IngestAsync(UsageIngestOptions? options = null)
    {
        var context = options is null ? Context : TestPipeline.Context(Context.Account, Context.Settings, usageIngest: options);
        return new IngestUsage(context).RunAsync(DateOnly.FromDateTime(AsOf.UtcDateTime));
    }

    public async Task<DailyUsage?> StoredAsync(string workload, DateOnly day, string source) =>
        (await Context.Usage.GetDailyAsync(workload, day, day)).SingleOrDefault(r => r.Source == source);

    public void Dispose() => _samples.Dispose();
}
