using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Reassess.Core.Time;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Tables;

namespace Reassess.Tools.Bench;

/// <summary>
/// <c>reassess bench</c>'s measurements on one storage account: loading a synthetic company, the weekly run over it
/// (reassess, then publish the report) and, for comparison, the table service's raw batch-upsert rate for as many rows,
/// written the same way (16 partitions, the same writer) with nothing else to do: copies of the run's own rows, and
/// rows of the same size in one column.
/// </summary>
public sealed class CompanyBenchmark(PipelineContext context)
{
    private const int Chunk = 5_000;

    /// <summary>Writes the company's workloads, usage and evals, and imports the configured price sheets.</summary>
    public async Task<PhaseFigures> GenerateAsync(SyntheticCompany company, CancellationToken cancellationToken = default)
    {
        using var meter = new WriteMeter(context.Account.Settings.NamePrefix);
        var timer = Stopwatch.StartNew();
        await new RefreshPrices(context).RunAsync(new DateTimeOffset(company.FirstDay.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);

        // Workloads in one call: the store checks once for workloads that moved team, instead of once per chunk.
        await context.Workloads.UpsertAsync(Enumerable.Range(0, company.WorkloadCount).Select(company.Workload), cancellationToken);
        context.Logger.LogInformation("  {Count:N0} workloads written ({Rate:N0} rows/s)", company.WorkloadCount, meter.Entities / timer.Elapsed.TotalSeconds);

        for (var start = 0; start < company.WorkloadCount; start += Chunk)
        {
            var made = Enumerable.Range(start, Math.Min(Chunk, company.WorkloadCount - start)).Select(company.Make).ToList();
            await context.Usage.UpsertDailyAsync(made.SelectMany(m => m.Usage), cancellationToken);
            await context.Usage.UpsertEvalsAsync(made.SelectMany(m => m.Evals), cancellationToken);
            var done = start + made.Count;
            context.Logger.LogInformation("  usage and evals of {Done:N0}/{Total:N0} workloads written ({Days} days each; {Rate:N0} rows/s)",
                done, company.WorkloadCount, company.Days, meter.Entities / timer.Elapsed.TotalSeconds);
        }

        return new PhaseFigures("generate", timer.Elapsed, meter.Entities, meter.Bytes);
    }

    /// <summary>The weekly reassessment of <paramref name="week"/> and its report, as the timer runs them.</summary>
    public async Task<PhaseFigures[]> WeeklyAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        using var meter = new WriteMeter(context.Account.Settings.NamePrefix);
        var timer = Stopwatch.StartNew();
        var reassessed = await new ReassessWorkloads(context).RunAsync(week, cancellationToken);
        var reassess = new PhaseFigures("reassess", timer.Elapsed, meter.Entities, meter.Bytes, (int)reassessed.Counts.Values.Sum());
        var (_, files) = await new PublishWeeklyReport(context).RunAsync(week, cancellationToken);
        var all = new PhaseFigures("reassess + report", timer.Elapsed, meter.Entities, meter.Bytes, reassess.Workloads)
        {
            ReportBytes = files.Sum(f => (long)f.Content.Length),
            RowsByTable = meter.ByTable,
        };
        return [reassess, all];
    }

    /// <summary>
    /// Upserts <paramref name="entities"/> rows of <paramref name="averageBytes"/> each, in one column, into a scratch
    /// table, spread over the same 16 partitions, through the same writer; the table is dropped afterwards.
    /// </summary>
    public Task<PhaseFigures> RawBatchAsync(long entities, long averageBytes, CancellationToken cancellationToken = default)
    {
        // Sized by the writer's own estimate (keys included), so raw rows weigh what the run's rows weighed.
        ScratchRow Row(long i, string payload) => new(Shard(i), Key(0, i), [new("Payload", payload)]);
        var payload = new string('x', (int)Math.Max(0, (averageBytes - ScratchTable.EstimatedBytes(Row(0, ""))) / 2));
        return RawAsync("raw batch upsert, one column", [(entities, i => Row(i, payload))], cancellationToken);
    }

    /// <summary>
    /// Upserts as many rows as the weekly run wrote to each table (<paramref name="rowsByTable"/>), copies of that table's
    /// own rows (same columns and values, new keys over the same 16 partitions), into a scratch table through the same
    /// writer, with nothing else going on: the rate the store takes exactly this kind of row at. Dropped afterwards.
    /// </summary>
    public async Task<PhaseFigures> RawSameRowsAsync(IReadOnlyDictionary<string, long> rowsByTable, CancellationToken cancellationToken = default)
    {
        var sources = new List<(long, Func<long, ScratchRow>)>();
        var tableIndex = 0;
        foreach (var (name, count) in rowsByTable.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var samples = await ScratchTable.SampleColumnsAsync(context.Account, name, SampleRows, cancellationToken);
            if (samples.Count == 0) continue;
            var index = tableIndex++;
            sources.Add((count, i => new ScratchRow(Shard(i), Key(index, i), samples[(int)(i % samples.Count)])));
        }

        return await RawAsync("raw batch upsert, run's rows", sources, cancellationToken);
    }

    private const int SampleRows = 100;

    private static string Shard(long i) => StorageKeys.ShardName((int)(i % StorageKeys.Shards));

    private static string Key(int source, long i) => source.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<PhaseFigures> RawAsync(string phase, IEnumerable<(long Count, Func<long, ScratchRow> Row)> sources, CancellationToken cancellationToken)
    {
        await using var table = await ScratchTable.OpenAsync(context.Account, RawTable, cancellationToken);
        using var meter = new WriteMeter(context.Account.Settings.NamePrefix);
        var timer = Stopwatch.StartNew();
        foreach (var (count, row) in sources)
            for (long start = 0; start < count; start += Chunk * 4)
            {
                var from = start;
                await table.UpsertAsync(Enumerable.Range(0, (int)Math.Min(Chunk * 4, count - start)).Select(i => row(from + i)), cancellationToken);
            }

        return new PhaseFigures(phase, timer.Elapsed, meter.Entities, meter.Bytes);
    }

    /// <summary>The scratch table of the raw phases (prefixed like the account's other tables).</summary>
    public const string RawTable = "BenchRawUpsert";

    /// <summary>
    /// Sums what <see cref="TableBatchWriter"/> reports on its meter while it is alive, for tables of this account's
    /// name prefix only (another account in the same process writes through the same meter).
    /// </summary>
    private sealed class WriteMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _byTable = new(StringComparer.Ordinal);
        private long _entities;
        private long _bytes;

        public WriteMeter(string tablePrefix)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TableBatchWriter.MeterName) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var table = "";
                foreach (var tag in tags)
                    if (tag.Key == "table") table = tag.Value as string ?? "";
                if (!table.StartsWith(tablePrefix, StringComparison.Ordinal)) return;
                if (!instrument.Name.EndsWith("entities_written", StringComparison.Ordinal)) Interlocked.Add(ref _bytes, value);
                else
                {
                    Interlocked.Add(ref _entities, value);
                    _byTable.AddOrUpdate(table, value, (_, n) => n + value);
                }
            });
            _listener.Start();
        }

        public long Entities => Interlocked.Read(ref _entities);
        public long Bytes => Interlocked.Read(ref _bytes);

        public IReadOnlyDictionary<string, long> ByTable => new Dictionary<string, long>(_byTable, StringComparer.Ordinal);

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>What one phase of a benchmark did: time, rows written (and their estimated bytes), workloads.</summary>
public sealed record PhaseFigures(string Phase, TimeSpan Elapsed, long EntitiesWritten, long BytesWritten, int Workloads = 0)
{
    public long ReportBytes { get; init; }

    /// <summary>Rows written per table (full table names).</summary>
    public IReadOnlyDictionary<string, long> RowsByTable { get; init; } = new Dictionary<string, long>();
    public double EntitiesPerSecond => EntitiesWritten / Math.Max(Elapsed.TotalSeconds, 1e-6);
    public double WorkloadsPerSecond => Workloads / Math.Max(Elapsed.TotalSeconds, 1e-6);
    public long AverageEntityBytes => EntitiesWritten == 0 ? 0 : BytesWritten / EntitiesWritten;
}
