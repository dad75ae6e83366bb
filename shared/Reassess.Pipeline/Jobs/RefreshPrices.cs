using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Reads every configured price sheet, archives the raw sheet, merges them (overrides win) and stores the prices that
/// changed. A sheet that cannot be read is quarantined and the last good prices stay in force.
/// </summary>
public static class RefreshPrices
{
    public const string JobName = "RefreshPrices";

    public static async Task<JobOutcome> RunAsync(PipelineContext context, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var outcome = new JobOutcome(JobName, day.ToString("yyyy-MM-dd"), context.Clock.GetUtcNow());
        var publicSheets = new List<IReadOnlyList<PriceRecord>>();
        var overrides = new List<PriceRecord>();

        foreach (var source in context.Settings.PriceSources)
        {
            var path = context.Settings.Resolve(source.Path);
            if (!ReaderCatalog.Default.Prices.TryGet(source.Format, out var reader))
            {
                outcome.AddProblem(new InputProblem(path, "", $"unknown price format '{source.Format}'; use one of {string.Join(", ", ReaderCatalog.Default.Prices.Formats)}."));
                continue;
            }

            var records = await ReadSheetAsync(context, reader, source, path, asOf, outcome, cancellationToken);
            if (records is null) continue;
            if (source.Format == "overrides") overrides.AddRange(records);
            else publicSheets.Add(records);
        }

        var inForce = (await context.Prices.GetAllInForceAsync(asOf, cancellationToken)).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var seenOn = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var merged = PriceMerge.DateChangesWhenSeen(PriceMerge.Merge(publicSheets, overrides), inForce, asOf, seenOn);

        var summary = await context.Prices.StoreChangesAsync(merged, cancellationToken);
        outcome.Count("price keys", merged.Select(m => m.Key).Distinct().Count());
        outcome.Count("prices changed", summary.Written);
        outcome.Count("prices unchanged", summary.Unchanged);
        return await context.FinishAsync(outcome, cancellationToken);
    }

    private static async Task<IReadOnlyList<PriceRecord>?> ReadSheetAsync(
        PipelineContext context, IRecordReader<PriceRecord> reader, SourceSpec source, string path, DateTimeOffset asOf,
        JobOutcome outcome, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var fileName = Path.GetFileName(path);
        byte[] raw;
        try
        {
            raw = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            outcome.AddProblem(new InputProblem(path, "", $"cannot be read ({e.Message}); check Reassess__PriceSources."));
            return await LastGoodSheetAsync(context, reader, source, asOf, outcome, cancellationToken);
        }

        try
        {
            var result = await ParseAsync(context, reader, source, path, raw, asOf, cancellationToken);
            outcome.Count($"{source.Format} records", result.Records.Count);
            outcome.AddProblems(result.Rejected);
            // Archived only once it parses, so the newest archived sheet of a source is always its last good one.
            await context.Reports.ArchiveRawSheetAsync(source.Format, day, fileName, raw, cancellationToken);
            return result.Records;
        }
        catch (InputRejectedException e)
        {
            await context.Reports.QuarantineAsync(source.Format, day, fileName, raw, e.Problem.ToString(), cancellationToken);
            outcome.AddProblem(e.Problem with { Message = $"{e.Problem.Message} — sheet quarantined; the last good {source.Format} sheet stays in force." });
            return await LastGoodSheetAsync(context, reader, source, asOf, outcome, cancellationToken);
        }
    }

    /// <summary>The newest archived sheet of the source: what was in force before this run's sheet failed.</summary>
    private static async Task<IReadOnlyList<PriceRecord>?> LastGoodSheetAsync(
        PipelineContext context, IRecordReader<PriceRecord> reader, SourceSpec source, DateTimeOffset asOf, JobOutcome outcome,
        CancellationToken cancellationToken)
    {
        var container = context.Account.Settings.PriceSheetsContainer;
        var archived = await context.Reports.ListAsync($"{container}/raw/{source.Format}/", cancellationToken);
        if (archived.Count == 0) return null;

        var latest = archived.Max(StringComparer.Ordinal)!;
        var file = await context.Reports.DownloadAsync(latest, cancellationToken);
        if (file is null) return null;
        var result = await ParseAsync(context, reader, source, latest, file.Content, asOf, cancellationToken);
        outcome.Count($"{source.Format} records from the last good sheet", result.Records.Count);
        return result.Records;
    }

    private static async Task<ReadResult<PriceRecord>> ParseAsync(
        PipelineContext context, IRecordReader<PriceRecord> reader, SourceSpec source, string name, byte[] raw, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        var started = context.Clock.GetTimestamp();
        var result = await reader.ReadAsync(new MemoryStream(raw, writable: false), name, new ReadContext(asOf, context.Clock.GetUtcNow()), cancellationToken);
        context.Logger.LogInformation("Read {Format} sheet {File}: {Records:N0} prices, {Skipped:N0} skipped on purpose, {Rejected:N0} rejected ({Bytes:N0} bytes in {Ms:0} ms)",
            source.Format, Path.GetFileName(name), result.Records.Count, result.Skipped.Count, result.Rejected.Count, raw.Length,
            context.Clock.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }
}
