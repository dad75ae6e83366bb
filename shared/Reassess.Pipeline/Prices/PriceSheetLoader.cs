using System.Globalization;
using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Pipeline.Telemetry;
using Reassess.Sources.Http;
using Reassess.Sources.Prices;
using Reassess.Storage.Blobs;

namespace Reassess.Pipeline.Prices;

/// <summary>One configured sheet after loading: what it read, its bytes (for match rules), and whether it is stale.</summary>
public sealed record LoadedSheet(SourceSpec Source, string Name, ReadResult<PriceRecord> Result, byte[] Raw, StalePriceSource? Stale);

/// <summary>
/// Loads one configured price sheet (docs/architecture.md, "One weekly run"): read the file or pull the URL (conditionally, with the
/// validators kept beside the last archived copy), read and check it, archive the raw sheet under its format and day
/// (<see cref="PriceSheetArchive"/>); a sheet that cannot be read at all is quarantined, and a source that fails
/// falls back to its last good archived sheet, which is then reported stale.
/// </summary>
public sealed class PriceSheetLoader(PipelineContext context, PriceRefreshOptions options)
{
    public async Task<LoadedSheet?> LoadAsync(
        SourceSpec source, IRecordReader<PriceRecord> reader, DateTimeOffset asOf, JobOutcome outcome, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var location = PriceSheetLocation.Of(source.Path, context.Settings);
        using var span = JobTelemetry.StartRead("price sheet", source.Format, location.Url?.ToString() ?? location.FilePath!);
        byte[] raw;
        string fileName;
        var validators = HttpValidators.None;
        try
        {
            // Only a pulled sheet can be asked whether it changed since the archived copy; a file is read whole.
            var lastGood = location.Url is null ? null : await context.PriceSheets.LastGoodAsync(source.Format, cancellationToken);
            var known = lastGood is null ? null : HttpValidators.FromMetadata(lastGood.File.Metadata);
            var fetched = await new PriceSheetFetcher(options).FetchAsync(source.Format, location, known is { IsEmpty: false } ? known : null, cancellationToken);
            if (fetched.NotModified && lastGood is { } current)
            {
                outcome.Count($"{source.Format} sheets not modified");
                context.Logger.LogInformation("{Format} sheet at {Url} is not modified since {Day}; the archived copy is read", source.Format, location.Url, current.Day);
                return await ReadArchivedAsync(source, reader, current, asOf, outcome, null, cancellationToken);
            }

            (raw, fileName, validators) = (fetched.Raw, fetched.FileName, fetched.Validators);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or HttpPullException)
        {
            var why = e is HttpPullException ? e.Message : $"cannot be read ({e.Message}); check Reassess__PriceSources.";
            outcome.AddProblem(new InputProblem(location.Name, "", why));
            return await FallBackAsync(source, reader, asOf, outcome, "its pull failed", cancellationToken);
        }

        try
        {
            var result = await ReadAsync(source, reader, location.Name, raw, asOf, cancellationToken);
            outcome.Count($"{source.Format} records", result.Records.Count);
            outcome.AddProblems(result.Rejected);
            span?.SetTag("reassess.source.records", result.Records.Count);
            span?.SetTag("reassess.source.rejected", result.Rejected.Count);
            // Archived only once it parses, so the newest archived sheet of a source is always its last good one.
            await context.PriceSheets.ArchiveAsync(source.Format, day, fileName, raw, cancellationToken, validators.ToMetadata());
            return new LoadedSheet(source, location.Name, result, raw, StaleByVersion(source, result, day));
        }
        catch (InputRejectedException e)
        {
            await context.PriceSheets.QuarantineAsync(source.Format, day, fileName, raw, e.Problem.ToString(), cancellationToken);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "sheet quarantined");
            outcome.AddProblem(e.Problem with { Message = $"{e.Problem.Message} — sheet quarantined; the last good {source.Format} sheet stays in force." });
            return await FallBackAsync(source, reader, asOf, outcome, "its sheet was quarantined", cancellationToken);
        }
    }

    private async Task<LoadedSheet?> FallBackAsync(
        SourceSpec source, IRecordReader<PriceRecord> reader, DateTimeOffset asOf, JobOutcome outcome, string why, CancellationToken cancellationToken)
    {
        if (await context.PriceSheets.LastGoodAsync(source.Format, cancellationToken) is not { } lastGood) return null;
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        var stale = lastGood.Day < today
            ? new StalePriceSource(source.Format, lastGood.Day,
                $"{why} on {today:yyyy-MM-dd}; prices from the sheet archived on {lastGood.Day:yyyy-MM-dd} ({today.DayNumber - lastGood.Day.DayNumber} days old) stay in force")
            : null;
        var loaded = await ReadArchivedAsync(source, reader, lastGood, asOf, outcome, stale, cancellationToken);
        outcome.Count($"{source.Format} records from the last good sheet", loaded.Result.Records.Count);
        return loaded;
    }

    private async Task<LoadedSheet> ReadArchivedAsync(
        SourceSpec source, IRecordReader<PriceRecord> reader, ArchivedSheet archived, DateTimeOffset asOf, JobOutcome outcome, StalePriceSource? stale,
        CancellationToken cancellationToken)
    {
        var result = await ReadAsync(source, reader, archived.Path, archived.File.Content, asOf, cancellationToken);
        if (stale is null) outcome.Count($"{source.Format} records", result.Records.Count);
        return new LoadedSheet(source, archived.Path, result, archived.File.Content, stale);
    }

    private async Task<ReadResult<PriceRecord>> ReadAsync(
        SourceSpec source, IRecordReader<PriceRecord> reader, string name, byte[] raw, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var started = context.Clock.GetTimestamp();
        var result = await PriceSheetReading.ReadAsync(reader, raw, name, new ReadContext(asOf, context.Clock.GetUtcNow()), cancellationToken);
        context.Logger.LogInformation("Read {Format} sheet {File}: {Records:N0} prices, {Skipped:N0} skipped on purpose, {Rejected:N0} rejected ({Bytes:N0} bytes in {Ms:0} ms)",
            source.Format, Path.GetFileName(name), result.Records.Count, result.Skipped.Count, result.Rejected.Count, raw.Length,
            context.Clock.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>A sheet that states when it was last updated (LiteLLM's <c>last_updated</c>) and says it was long ago is stale, however fresh the pull.</summary>
    private static StalePriceSource? StaleByVersion(SourceSpec source, ReadResult<PriceRecord> result, DateOnly today)
    {
        var version = result.Records.Select(r => r.SheetVersion).FirstOrDefault(v => v is not null);
        if (version is null || !DateTimeOffset.TryParse(version, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated)) return null;
        var since = DateOnly.FromDateTime(updated.UtcDateTime);
        var age = today.DayNumber - since.DayNumber;
        return age > PriceAlertRules.StaleAfterDays
            ? new StalePriceSource(source.Format, since,
                $"the sheet says it was last updated on {since:yyyy-MM-dd}, {age} days before {today:yyyy-MM-dd}; its prices may have moved since")
            : null;
    }
}
