using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Reassess.Core.Time;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Tables;

namespace Reassess.Pipeline.Bench;

/// <summary>
/// <c>reassess bench</c>'s measurements on one storage account: loading a synthetic company, the weekly run over it
/// (reassess, then publish the report) and, for comparison, the table service's raw batch-upsert rate for as many rows
/// of the same size, written the same way (16 partitions, the same writer) with nothing else to do.
/// </summary>
public sealed class CompanyBenchmark(PipelineContext context)
{
    private const int Chunk = 5_000;

    /// <summary>Writes the company's workloads, usage and evals, and imports the configured price sheets.</summary>
    public async Task<PhaseFigures> GenerateAsync(SyntheticCompany company, CancellationToken cancellationToken = default)
    {
        using var meter = new WriteMeter(context.Account.Settings.NamePrefix);
        var timer = Stopwatch.StartNew();
        await RefreshPrices.RunAsync(context, new DateTimeOffset(company.FirstDay.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);

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
        var reassessed = await ReassessWorkloads.RunAsync(context, week, cancellationToken);
        var reassess = new PhaseFigures("reassess", timer.Elapsed, meter.Entities, meter.Bytes, (int)reassessed.Counts.Values.Sum());
        var (_, files) = await PublishWeeklyReport.RunAsync(context, week, reassessed.Problems, cancellationToken);
        var all = new PhaseFigures("reassess + report", timer.Elapsed, meter.Entities, meter.Bytes, reassess.Workloads)
        {
            ReportBytes = files.Sum(f => (long)f.Content.Length),
        };
        return [reassess, all];
    }

    /// <summary>
    /// Upserts <paramref name="entities"/> rows of <paramref name="averageBytes"/> each into a scratch table, spread over
    /// the same 16 partitions, through the same writer; the table is dropped afterwards.
    /// </summary>
    public async Task<PhaseFigures> RawBatchAsync(long entities, long averageBytes, CancellationToken cancellationToken = default)
    {
        var table = context.Account.Table("BenchRawUpsert");
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            // Sized by the writer's own estimate (keys included), so raw rows weigh what the run's rows weighed.
            TableEntity Row(long i, string payload) => new(
                StorageKeys.ShardName((int)(i % StorageKeys.Shards)), i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)) { ["Payload"] = payload };
            var payload = new string('x', (int)Math.Max(0, (averageBytes - TableBatchWriter.EstimatedBytes(Row(0, ""))) / 2));
            using var meter = new WriteMeter(context.Account.Settings.NamePrefix);
            var timer = Stopwatch.StartNew();
            var writer = new TableBatchWriter();
            for (long start = 0; start < entities; start += Chunk * 4)
            {
                var count = (int)Math.Min(Chunk * 4, entities - start);
                await writer.UpsertAsync(table, Enumerable.Range(0, count).Select(i => Row(start + i, payload)), cancellationToken);
            }

            return new PhaseFigures("raw batch upsert", timer.Elapsed, meter.Entities, meter.Bytes);
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Sums what <see cref="TableBatchWriter"/> reports on its meter while it is alive, for tables of this account's
    /// name prefix only (another account in the same process writes through the same meter).
    /// </summary>
    private sealed class WriteMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
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
                foreach (var tag in tags)
                    if (tag.Key == "table" && !(tag.Value as string ?? "").StartsWith(tablePrefix, StringComparison.Ordinal)) return;
                if (instrument.Name.EndsWith("entities_written", StringComparison.Ordinal)) Interlocked.Add(ref _entities, value);
                else Interlocked.Add(ref _bytes, value);
            });
            _listener.Start();
        }

        public long Entities => Interlocked.Read(ref _entities);
        public long Bytes => Interlocked.Read(ref _bytes);

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>What one phase of a benchmark did: time, rows written (and their estimated bytes), workloads.</summary>
public sealed record PhaseFigures(string Phase, TimeSpan Elapsed, long EntitiesWritten, long BytesWritten, int Workloads = 0)
{
    public long ReportBytes { get; init; }
    public double EntitiesPerSecond => EntitiesWritten / Math.Max(Elapsed.TotalSeconds, 1e-6);
    public double WorkloadsPerSecond => Workloads / Math.Max(Elapsed.TotalSeconds, 1e-6);
    public long AverageEntityBytes => EntitiesWritten == 0 ? 0 : BytesWritten / EntitiesWritten;
}
