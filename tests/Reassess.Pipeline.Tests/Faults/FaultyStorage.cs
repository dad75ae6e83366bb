using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Testing.Faults;

namespace Reassess.Pipeline.Tests.Faults;

/// <summary>
/// The sample weekly run over its own tables, reaching Azurite through a <see cref="FaultProxy"/> with short retries,
/// and read back directly (around the proxy) to compare with a clean run. The clock is fixed, so rows that record
/// when they were fetched compare between runs; only the run log's counts may differ (a snapshot keeps its keys).
/// </summary>
internal sealed class FaultyStorage : IAsyncDisposable
{
    /// <summary>The weeks every fault test runs: two, so the second reads the first's assessments for flips.</summary>
    public const int Weeks = 2;

    /// <summary>What a run's "now" is: the morning after the assessed week started.</summary>
    public static readonly DateTimeOffset Now = SampleWorkspace.AsOf.AddHours(9);

    /// <summary>The production shape (exponential, bounded, with a network timeout) at test speed: 0.1, 0.2, 0.4, 0.8 s.</summary>
    public static readonly StorageRetryOptions FastRetries = new()
    {
        MaxRetries = 4,
        Delay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(2),
        NetworkTimeout = TimeSpan.FromSeconds(2),
    };

    private readonly SampleWorkspace _samples;

    private FaultyStorage(FaultProxy proxy, StorageAccount direct, StorageAccount account, ILogger logger)
    {
        Proxy = proxy;
        Direct = direct;
        Account = account;
        _samples = new SampleWorkspace(account);
        Context = NewContext(account, _samples.Root, logger);
    }

    public FaultProxy Proxy { get; }

    /// <summary>The same tables and containers, reached without the proxy (for setting up and reading back).</summary>
    public StorageAccount Direct { get; }

    /// <summary>The account the pipeline uses: through the proxy, with <see cref="FastRetries"/>.</summary>
    public StorageAccount Account { get; }

    public PipelineContext Context { get; }

    public string SamplesRoot => _samples.Root;

    public static async Task<FaultyStorage> StartAsync(AzuriteFixture azurite, ILogger? logger = null)
    {
        var settings = azurite.NewSettings();
        var direct = new StorageAccount(settings);
        await direct.EnsureCreatedAsync();
        var proxy = new FaultProxy(azurite.Azurite);
        return new FaultyStorage(proxy, direct, new StorageAccount(proxy.Settings(settings), retry: FastRetries), logger ?? NullLogger.Instance);
    }

    public static PipelineContext NewContext(StorageAccount account, string samplesRoot, ILogger? logger = null) =>
        TestPipeline.Context(account, new PipelineSettings { ContentRoot = samplesRoot }, new FixedClock(Now), logger: logger);

    public Task<WeeklyRun.Result> RunAsync(CancellationToken cancellationToken = default) =>
        new WeeklyRun(Context).RunAsync(SampleWorkspace.AsOf, Weeks, cancellationToken);

    public Task<SortedDictionary<string, string>> SnapshotAsync() => StorageSnapshot.TakeAsync(Direct);

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        _samples.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The rows and blobs of the sample weekly run with nothing in the way: what every faulted run must end with.</summary>
internal static class CleanRun
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (SortedDictionary<string, string> Rows, IReadOnlyList<byte[]> Files)? _clean;

    public static async Task<(SortedDictionary<string, string> Rows, IReadOnlyList<byte[]> Files)> GetAsync(AzuriteFixture azurite)
    {
        await Gate.WaitAsync();
        try
        {
            if (_clean is { } done) return done;
            var account = await azurite.NewAccountAsync();
            using var samples = new SampleWorkspace(account);
            var run = await new WeeklyRun(FaultyStorage.NewContext(account, samples.Root)).RunAsync(SampleWorkspace.AsOf, FaultyStorage.Weeks);
            Assert.False(run.Failed);
            _clean = (await StorageSnapshot.TakeAsync(account), run.Files.Select(f => f.Content).ToList());
            return _clean.Value;
        }
        finally
        {
            Gate.Release();
        }
    }
}
