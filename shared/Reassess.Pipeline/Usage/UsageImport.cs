using System.Globalization;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;
using Reassess.Sources;
using Reassess.Sources.Usage;

namespace Reassess.Pipeline.Usage;

/// <summary>What <c>reassess usage import</c> found: the workloads' daily rows, what no workload claims, the problems and the pace.</summary>
public sealed record UsageImportResult(
    IReadOnlyList<DailyUsage> Rows,
    IReadOnlyList<UnmappedUsage> Unmapped,
    IReadOnlyList<(string Source, DateOnly Day)> PartialDays,
    IReadOnlyList<InputProblem> Rejected,
    IReadOnlyList<InputProblem> Skipped,
    ReadProgress Read)
{
    /// <summary>The summary a person reads on stderr.</summary>
    public IEnumerable<string> Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return string.Create(inv, $"Read {Read}: {Rows.Count:N0} daily row(s) for {Rows.Select(r => r.WorkloadId).Distinct().Count()} workload(s), " +
                                        $"{Unmapped.Count} unmapped group(s), {Rejected.Count:N0} problem(s).");
        foreach (var lost in Unmapped) yield return $"unmapped: {lost}";
        var noCalls = Rows.Where(r => r.ReportsUsage && !r.HasCallCount).ToList();
        if (noCalls.Count > 0)
            yield return string.Create(inv, $"no call count: {noCalls.Count:N0} row(s) carry tokens but no request count; calls must come from another source for those days or they are an evidence gap.");
        foreach (var (source, day) in PartialDays)
            yield return $"partial day: {source} covers {day:yyyy-MM-dd} only in part so far (its totals will grow).";
        foreach (var problem in Skipped) yield return $"skipped: {problem}";
        foreach (var problem in Rejected) yield return $"rejected: {problem}";
    }
}

/// <summary>
/// Reads one usage source the way the ingest job does and maps it to workloads, storing nothing: for a person to see
/// what Reassess makes of an export or an API before configuring it.
/// </summary>
public sealed class UsageImport(TimeProvider clock, UsageIngestOptions options, Action<string> say)
{
    /// <summary>Every format the command takes: the provider and billing sources and the drop format <c>csv</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } =
        UsageReaders.Metered.Formats.Concat(ReaderCatalog.Default.Usage.Formats).Order(StringComparer.Ordinal).ToList();

    public async Task<UsageImportResult> RunAsync(string format, string pathOrUrl, IEnumerable<Workload> workloads, CancellationToken cancellationToken)
    {
        if (ReaderCatalog.Default.Usage.TryGet(format, out var drops)) return await ReadDropsAsync(drops, pathOrUrl, cancellationToken).ConfigureAwait(false);

        var read = await new MeteredSourceReader(clock, options, say).ReadAsync(format, pathOrUrl, cancellationToken).ConfigureAwait(false);
        var mapping = new UsageMapper(workloads).Map(read.Rows);
        return new UsageImportResult(mapping.Rows, mapping.Unmapped, mapping.PartialDays, read.Rejected, read.Skipped, read.Progress);
    }

    private async Task<UsageImportResult> ReadDropsAsync(IRecordReader<DailyUsage> reader, string path, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var files = DropFolder.Files(path, [".csv", ".json"]);
        if (files is null)
            return new UsageImportResult([], [], [], [new InputProblem(path, "", "does not exist; check the path.")], [], new ReadProgress(0, 0, TimeSpan.Zero));

        var read = await FileByFile.ReadAllAsync(files, _ => reader, clock, null, cancellationToken).ConfigureAwait(false);
        return new UsageImportResult(read.Records, [], [], read.Rejected, read.Skipped, new ReadProgress(read.Records.Count, read.Bytes, clock.GetElapsedTime(started)));
    }
}
