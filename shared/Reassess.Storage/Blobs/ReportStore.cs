using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Blobs;

/// <summary>
/// The files Reassess keeps as blobs (DESIGN §3): weekly reports under <c>reports/{yyyy}-W{ww}/</c> with a copy of the
/// newest in <c>reports/latest/</c>, and price sheets as fetched (<c>price-sheets/raw/…</c>) or refused
/// (<c>price-sheets/quarantine/…</c>). Paths handed out and accepted are <c>{container}/{name}</c> with the container
/// as configured (no test prefix), so they read the same in logs everywhere.
/// </summary>
public sealed class ReportStore(StorageAccount account)
{
    public const string LatestFolder = "latest";

    private const string WeekMetadata = "isoweek";
    private const string ReasonMetadata = "reason";
    private const int MaxReasonLength = 2048;

    private readonly StorageSettings _settings = account.Settings;

    /// <summary>
    /// Writes the week's files to <c>reports/{isoWeek}/{name}</c> and, unless a newer week is already there, to
    /// <c>reports/latest/{name}</c>, removing files in <c>latest/</c> the new report no longer has. Overwrites, so
    /// re-running a week gives the same blobs.
    /// </summary>
    public async Task<ReportPublication> PublishAsync(
        string isoWeek, IReadOnlyList<(string Name, byte[] Content, string ContentType)> files, CancellationToken cancellationToken = default)
    {
        Periods.IsoWeek(isoWeek);
        var names = files.Select(f => Segment(f.Name, "Report file name")).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new ArgumentException($"Report {isoWeek} names a file twice: {string.Join(", ", names)}.", nameof(files));

        var container = account.Container(_settings.ReportsContainer);
        var metadata = new Dictionary<string, string> { [WeekMetadata] = isoWeek };
        var paths = new List<string>();
        foreach (var file in files)
        {
            await UploadAsync(container, $"{isoWeek}/{file.Name}", file.Content, file.ContentType, metadata, cancellationToken).ConfigureAwait(false);
            paths.Add($"{_settings.ReportsContainer}/{isoWeek}/{file.Name}");
        }

        var latest = new List<BlobItem>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, LatestFolder + "/", cancellationToken).ConfigureAwait(false))
            latest.Add(blob);
        var newerWeek = latest.Select(b => b.Metadata.TryGetValue(WeekMetadata, out var w) ? w : "")
            .FirstOrDefault(w => string.CompareOrdinal(w, isoWeek) > 0);
        if (newerWeek is not null) return new ReportPublication(isoWeek, paths, LatestUpdated: false);

        foreach (var file in files)
        {
            await UploadAsync(container, $"{LatestFolder}/{file.Name}", file.Content, file.ContentType, metadata, cancellationToken).ConfigureAwait(false);
            paths.Add($"{_settings.ReportsContainer}/{LatestFolder}/{file.Name}");
        }

        foreach (var stale in latest.Where(b => !names.Contains(b.Name[(LatestFolder.Length + 1)..], StringComparer.Ordinal)))
            await container.DeleteBlobIfExistsAsync(stale.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ReportPublication(isoWeek, paths, LatestUpdated: true);
    }

    /// <summary>
    /// Keeps a price sheet exactly as fetched, at <c>price-sheets/raw/{source}/{yyyy-MM-dd}/{fileName}</c>; returns that
    /// path. <paramref name="metadata"/> (ASCII name/value pairs, e.g. the HTTP validators it was fetched with) travels
    /// with it, so the next pull can ask "changed since?".
    /// </summary>
    public Task<string> ArchiveRawSheetAsync(
        string source, DateOnly day, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        SheetAsync("raw", source, day, fileName, content, new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()), cancellationToken);

    /// <summary>
    /// Keeps the price alerts of one day's refresh at <c>price-sheets/alerts/{yyyy-MM-dd}.json</c> (overwriting), for
    /// the weekly report to gather.
    /// </summary>
    public async Task<string> SavePriceAlertsAsync(DateOnly day, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        var name = $"alerts/{day:yyyy-MM-dd}.json";
        await UploadAsync(account.Container(_settings.PriceSheetsContainer), name, json, "application/json", new Dictionary<string, string>(), cancellationToken)
            .ConfigureAwait(false);
        return $"{_settings.PriceSheetsContainer}/{name}";
    }

    /// <summary>
    /// Sets aside a sheet that failed validation, at <c>price-sheets/quarantine/{source}/{yyyy-MM-dd}/{fileName}</c>, with
    /// the reason in the blob's <c>reason</c> metadata. Metadata travels as an HTTP header, so the reason is kept to
    /// printable ASCII and 2,048 characters.
    /// </summary>
    public Task<string> QuarantineAsync(
        string source, DateOnly day, string fileName, ReadOnlyMemory<byte> content, string reason, CancellationToken cancellationToken = default) =>
        SheetAsync("quarantine", source, day, fileName, content,
            new Dictionary<string, string> { [ReasonMetadata] = HeaderSafe(reason) }, cancellationToken);

    /// <summary>Reads a blob by its path (<c>{container}/{name}</c>, e.g. <c>reports/latest/summary.md</c>); null when absent.</summary>
    public async Task<StoredFile?> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        var (container, name) = Resolve(path);
        try
        {
            var result = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var details = result.Value.Details;
            return new StoredFile(path, result.Value.Content.ToArray(), details.ContentType ?? "", details.Metadata.AsReadOnly());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Paths of the blobs under <paramref name="pathPrefix"/> (<c>{container}/{folder…}</c>), in name order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string pathPrefix, CancellationToken cancellationToken = default)
    {
        var (container, prefix) = Resolve(pathPrefix, allowEmptyName: true);
        var logical = pathPrefix.Split('/', 2)[0];
        var paths = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix.Length == 0 ? null : prefix, cancellationToken).ConfigureAwait(false))
            paths.Add($"{logical}/{blob.Name}");
        return paths;
    }

    private async Task<string> SheetAsync(
        string folder, string source, DateOnly day, string fileName, ReadOnlyMemory<byte> content, Dictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        var name = $"{folder}/{Segment(source, "Price source")}/{day:yyyy-MM-dd}/{Segment(fileName, "Price sheet file name")}";
        var container = account.Container(_settings.PriceSheetsContainer);
        await UploadAsync(container, name, content, ContentTypeOf(fileName), metadata, cancellationToken).ConfigureAwait(false);
        return $"{_settings.PriceSheetsContainer}/{name}";
    }

    private static async Task UploadAsync(
        BlobContainerClient container, string name, ReadOnlyMemory<byte> content, string contentType, IDictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
        };
        try
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
        {
            throw new InvalidOperationException(
                $"Container {container.Name} does not exist: call StorageAccount.EnsureCreatedAsync at start-up.", e);
        }
    }

    /// <summary>Splits <c>{container}/{name}</c> and maps the configured container name to the account's.</summary>
    private (BlobContainerClient Container, string Name) Resolve(string path, bool allowEmptyName = false)
    {
        var parts = path.Split('/', 2);
        var known = new[] { _settings.PriceSheetsContainer, _settings.UsageDropsContainer, _settings.ReportsContainer };
        if (!known.Contains(parts[0], StringComparer.Ordinal))
            throw new ArgumentException($"Path '{path}' does not start with a known container ({string.Join(", ", known)}).", nameof(path));
        var name = parts.Length > 1 ? parts[1] : "";
        if (name.Length == 0 && !allowEmptyName)
            throw new ArgumentException($"Path '{path}' names a container but no blob in it.", nameof(path));
        return (account.Container(parts[0]), name);
    }

    /// <summary>One folder or file name in a blob path: no separators, no dot folders, no control characters.</summary>
    private static string Segment(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value is "." or ".." || value.Length > 255
            || value.Any(c => c is '/' or '\\' || char.IsControl(c)))
            throw new ArgumentException(
                $"{what} '{value}' cannot be part of a blob path: it must be 1-255 characters without '/', '\\' or control characters, and not '.' or '..'.");
        return value;
    }

    private static string HeaderSafe(string text)
    {
        var safe = new string(text.Select(c => c is >= ' ' and <= '~' ? c : char.IsWhiteSpace(c) ? ' ' : '?').ToArray()).Trim();
        return safe.Length <= MaxReasonLength ? safe : safe[..(MaxReasonLength - 3)] + "...";
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".csv" => "text/csv",
        ".html" or ".htm" => "text/html",
        ".md" => "text/markdown",
        ".txt" => "text/plain",
        ".xml" => "application/xml",
        _ => "application/octet-stream",
    };
}
