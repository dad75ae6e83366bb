using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reassess.Core.Prices;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Prices;
using Reassess.Sources.Http;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests.Prices;

/// <summary>
/// A private folder of price sheets (copies of the real ones a test may break) and a pipeline context whose
/// <c>PriceSources</c> point at them or at URLs, on a clock the test sets, over its own tables and containers.
/// </summary>
public sealed class PriceWorkspace : IDisposable
{
    public static readonly DateTimeOffset Nov23 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static readonly HttpPullOptions QuickHttp = new()
    {
        Timeout = TimeSpan.FromSeconds(5), MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    private readonly StorageAccount _account;

    public PriceWorkspace(StorageAccount account, string priceSources, bool withSamples = false)
    {
        _account = account;
        Root = Directory.CreateTempSubdirectory("reassess-prices-").FullName;
        if (withSamples) SampleWorkspace.CopyFolder(Path.Combine(RepositoryRoot.Find(), "samples"), Path.Combine(Root, "samples"));
        Settings = new PipelineSettings
        {
            ContentRoot = Root,
            PriceSources = SourceSpec.ParseList(priceSources, "PriceSources"),
            PriceAliasesPath = withSamples ? PipelineSettings.DefaultPriceAliasesPath : "",
        };
    }

    public string Root { get; }
    public PipelineSettings Settings { get; private set; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public PipelineContext Context => TestPipeline.Context(_account, Settings, Clock, TestPipeline.PriceRefresh(QuickHttp));

    /// <summary>The account's blobs by path, to check where the price refresh put sheets and alerts.</summary>
    public BlobFiles Files => new(_account);

    /// <summary>Copies a real sheet from ../shared/data/prices into the workspace; returns its path.</summary>
    public string CopyRealSheet(string file)
    {
        var target = Path.Combine(Root, file);
        File.Copy(SharedData.Path("prices", file), target, overwrite: true);
        return target;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void UseSources(string priceSources) => Settings = Settings with { PriceSources = SourceSpec.ParseList(priceSources, "PriceSources") };

    /// <summary>RefreshPrices as the daily timer runs it: on <paramref name="day"/> at 05:00 UTC.</summary>
    public Task<JobOutcome> RefreshAsync(DateTimeOffset day)
    {
        Clock.SetUtcNow(day.AddHours(5));
        return new RefreshPrices(Context).RunAsync(day);
    }

    public Task<PriceRecord?> StoredAsync(string key, DateTimeOffset asOf) => Context.Prices.GetInForceAsync(key, asOf);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
