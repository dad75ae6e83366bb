using Reassess.Core.Time;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Blobs;

/// <summary>
/// The published weekly reports: each week's files in its own folder, with a copy of the newest week's in
/// <c>latest/</c> (<see cref="ReportFolder"/>). Paths handed out are <c>{container}/{folder}/{file}</c>, readable with
/// <see cref="BlobFiles"/>.
/// </summary>
public sealed class ReportStore(StorageAccount account)
{
    private const string WeekMetadata = "isoweek";

    private readonly string _container = account.Settings.ReportsContainer;
    private readonly BlobFiles _files = new(account);

    /// <summary>
    /// Writes the week's files to its folder and, unless a newer week is already there, to <c>latest/</c>, removing
    /// files in <c>latest/</c> the new report no longer has. Overwrites, so re-running a week gives the same blobs.
    /// </summary>
    public async Task<ReportPublication> PublishAsync(
        IsoWeek week, IReadOnlyList<(string Name, byte[] Content, string ContentType)> files, CancellationToken cancellationToken = default)
    {
        var names = files.Select(f => BlobFiles.Segment(f.Name, "Report file name")).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new ArgumentException($"Report {week} names a file twice: {string.Join(", ", names)}.", nameof(files));

        var label = week.ToString();
        var metadata = new Dictionary<string, string> { [WeekMetadata] = label };
        var paths = new List<string>();
        foreach (var file in files)
            paths.Add(await _files.UploadAsync(_container, ReportFolder.Of(week).Blob(file.Name), file.Content, file.ContentType, metadata, cancellationToken)
                .ConfigureAwait(false));

        var latest = await _files.ListAsync(_container, ReportFolder.Latest.Prefix, cancellationToken).ConfigureAwait(false);
        // The week a latest/ blob is a copy of travels in its metadata; week labels sort by time.
        var newerWeek = latest.Select(b => b.Metadata.TryGetValue(WeekMetadata, out var w) ? w : "")
            .FirstOrDefault(w => string.CompareOrdinal(w, label) > 0);
        if (newerWeek is not null) return new ReportPublication(week, paths, LatestUpdated: false);

        foreach (var file in files)
            paths.Add(await _files.UploadAsync(_container, ReportFolder.Latest.Blob(file.Name), file.Content, file.ContentType, metadata, cancellationToken)
                .ConfigureAwait(false));

        var current = names.Select(ReportFolder.Latest.Blob).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in latest.Where(b => !current.Contains(b.Name)))
            await _files.DeleteAsync(_container, stale.Name, cancellationToken).ConfigureAwait(false);
        return new ReportPublication(week, paths, LatestUpdated: true);
    }

    /// <summary>A file of the report in <paramref name="folder"/>, e.g. <c>summary.md</c>; null when none was published there.</summary>
    public Task<StoredFile?> ReadAsync(ReportFolder folder, string file, CancellationToken cancellationToken = default) =>
        _files.DownloadAsync(_container, folder.Blob(file), cancellationToken);

    /// <summary>The path of <paramref name="folder"/>, ending in <c>/</c>, as logs name it: <c>reports/2026-W48/</c>.</summary>
    public string PathOf(ReportFolder folder) => BlobFiles.PathOf(_container, folder.Prefix);
}
