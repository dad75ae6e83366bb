using System.Globalization;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Blobs;

/// <summary>
/// The price sheets as fetched, in the price-sheets container: kept under <c>raw/{source}/{yyyy-MM-dd}/{file}</c> once
/// they read, set aside under <c>quarantine/{source}/{yyyy-MM-dd}/{file}</c> when they do not, and each day's price
/// alerts at <c>alerts/{yyyy-MM-dd}.json</c>. Paths handed out are <c>{container}/{name}</c>, readable with
/// <see cref="BlobFiles"/>.
/// </summary>
public sealed class PriceSheetArchive(StorageAccount account)
{
    private const string RawFolder = "raw";
    private const string QuarantineFolder = "quarantine";
    private const string AlertsFolder = "alerts";
    private const string DayFormat = "yyyy-MM-dd";
    private const string ReasonMetadata = "reason";
    private const int MaxReasonLength = 2048;

    private readonly string _container = account.Settings.PriceSheetsContainer;
    private readonly BlobFiles _files = new(account);

    /// <summary>
    /// Keeps a price sheet exactly as fetched under its source and day; returns its path. <paramref name="metadata"/>
    /// (ASCII name/value pairs, e.g. the HTTP validators it was fetched with) travels with it, so the next pull can ask
    /// "changed since?".
    /// </summary>
    public Task<string> ArchiveAsync(
        string source, DateOnly day, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        SheetAsync(RawFolder, source, day, fileName, content, new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()), cancellationToken);

    /// <summary>
    /// Sets aside a sheet that failed validation under its source and day, with the reason in the blob's <c>reason</c>
    /// metadata. Metadata travels as an HTTP header, so the reason is kept to printable ASCII and 2,048 characters.
    /// </summary>
    public Task<string> QuarantineAsync(
        string source, DateOnly day, string fileName, ReadOnlyMemory<byte> content, string reason, CancellationToken cancellationToken = default) =>
        SheetAsync(QuarantineFolder, source, day, fileName, content,
            new Dictionary<string, string> { [ReasonMetadata] = HeaderSafe(reason) }, cancellationToken);

    /// <summary>
    /// The source's newest archived sheet: what was in force before this run, since a sheet is archived only once it
    /// reads. Null when none was ever archived.
    /// </summary>
    public async Task<ArchivedSheet?> LastGoodAsync(string source, CancellationToken cancellationToken = default)
    {
        var archived = await _files.ListAsync(_container, $"{RawFolder}/{source}/", cancellationToken).ConfigureAwait(false);
        if (archived.Count == 0) return null;
        var latest = archived.Select(b => b.Name).Max(StringComparer.Ordinal)!;
        if (await _files.DownloadAsync(_container, latest, cancellationToken).ConfigureAwait(false) is not { } file) return null;
        var daySegment = latest.Split('/')[^2];
        var day = DateOnly.TryParseExact(daySegment, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.MinValue;
        return new ArchivedSheet(file.Path, day, file);
    }

    /// <summary>Keeps the price alerts of one day's refresh (overwriting), for the weekly report to gather; returns the path.</summary>
    public Task<string> SaveAlertsAsync(DateOnly day, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        _files.UploadAsync(_container, AlertsBlob(day), json, "application/json", new Dictionary<string, string>(), cancellationToken);

    /// <summary>The price alerts kept for <paramref name="day"/>, as JSON; null when that day's refresh kept none.</summary>
    public async Task<byte[]?> ReadAlertsAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        (await _files.DownloadAsync(_container, AlertsBlob(day), cancellationToken).ConfigureAwait(false))?.Content;

    private static string AlertsBlob(DateOnly day) => $"{AlertsFolder}/{Day(day)}.json";

    private static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private Task<string> SheetAsync(
        string folder, string source, DateOnly day, string fileName, ReadOnlyMemory<byte> content, Dictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        var name = $"{folder}/{BlobFiles.Segment(source, "Price source")}/{Day(day)}/{BlobFiles.Segment(fileName, "Price sheet file name")}";
        return _files.UploadAsync(_container, name, content, BlobFiles.ContentTypeOf(fileName), metadata, cancellationToken);
    }

    private static string HeaderSafe(string text)
    {
        var safe = new string(text.Select(c => c is >= ' ' and <= '~' ? c : char.IsWhiteSpace(c) ? ' ' : '?').ToArray()).Trim();
        return safe.Length <= MaxReasonLength ? safe : safe[..(MaxReasonLength - 3)] + "...";
    }
}

/// <summary>A price sheet as archived: its path, the day it was archived on, and the file with its metadata.</summary>
public sealed record ArchivedSheet(string Path, DateOnly Day, StoredFile File);
