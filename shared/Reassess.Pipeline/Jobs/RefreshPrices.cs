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
                outcome.Problem(new InputProblem(path, "", $"unknown price format '{source.Format}'; use one of {string.Join(", ", ReaderCatalog.Default.Prices.Formats)}."));
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
        byte[] raw;
        try
        {
            raw = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            outcome.Problem(new InputProblem(path, "", $"cannot be read ({e.Message}); check Reassess__PriceSources. The last good prices stay in force."));
            return null;
        }

        var fileName = Path.GetFileName(path);
        await context.Reports.ArchiveRawSheetAsync(source.Format, day, fileName, raw, cancellationToken);
        var started = context.Clock.GetTimestamp();
        try
        {
            var readContext = new ReadContext(asOf, context.Clock.GetUtcNow());
            var result = await reader.ReadAsync(new MemoryStream(raw, writable: false), path, readContext, cancellationToken);
            outcome.Count($"{source.Format} records", result.Records.Count);
            outcome.AddProblems(result.Rejected);
            context.Logger.LogInformation("Read {Format} sheet {File}: {Records:N0} prices, {Skipped:N0} skipped on purpose, {Rejected:N0} rejected ({Bytes:N0} bytes in {Ms:0} ms)",
                source.Format, fileName, result.Records.Count, result.Skipped.Count, result.Rejected.Count, raw.Length, context.Clock.GetElapsedTime(started).TotalMilliseconds);
            return result.Records;
        }
        catch (InputRejectedException e)
        {
            await context.Reports.QuarantineAsync(source.Format, day, fileName, raw, e.Problem.ToString(), cancellationToken);
            outcome.Problem(e.Problem with { Message = $"{e.Problem.Message} — sheet quarantined; the last good prices stay in force." });
            return null;
        }
    }
}
