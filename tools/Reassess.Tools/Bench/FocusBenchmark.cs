using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;
using Reassess.Sources.Usage;
using Reassess.Sources.Usage.Focus;

namespace Reassess.Tools.Bench;

/// <summary>What reading one FOCUS export took: the input rows, bytes and time, and what came of it.</summary>
public sealed record FocusBenchmarkResult(ReadProgress Read, int DailyRows, int WorkloadRows, long UnmappedGroups, int Rejected)
{
    public double RowsPerSecond => Read.RowsPerSecond;
    public double MegabytesPerSecond => Read.MegabytesPerSecond;
}

/// <summary>
/// Ingests a FOCUS export the way the ingest job does up to the store — stream, aggregate into daily rows, map to
/// workloads by tag — and reports the pace. Storage is left out: it writes the few daily rows an export boils down to,
/// whatever the export's size.
/// </summary>
public static class FocusBenchmark
{
    public static async Task<FocusBenchmarkResult> IngestAsync(string path, TimeProvider clock, Action<ReadProgress>? progress, CancellationToken cancellationToken)
    {
        ReadProgress? last = null;
        var reader = new FocusCostReader(clock, p =>
        {
            last = p;
            progress?.Invoke(p);
        });
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var now = clock.GetUtcNow();
        var result = await reader.ReadAsync(file, path, new ReadContext(now, now), cancellationToken).ConfigureAwait(false);
        var mapping = new UsageMapper(FocusExportWriter.Workloads.Select(TaggedWorkload)).Map(result.Records);
        return new FocusBenchmarkResult(last!, result.Records.Count, mapping.Rows.Count, mapping.Unmapped.Count, result.Rejected.Count);
    }

    private static Workload TaggedWorkload(string id) => new()
    {
        Id = id,
        Usage = new UsageSpec { Match = [new UsageMatch { Source = UsageSourceNames.Focus, Dimension = "tag:workload", Value = id }] },
    };
}
