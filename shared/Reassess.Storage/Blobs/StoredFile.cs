using Reassess.Core.Time;

namespace Reassess.Storage.Blobs;

/// <summary>A blob as read back: its path (<c>container/…</c>), bytes, content type and metadata.</summary>
public sealed record StoredFile(string Path, byte[] Content, string ContentType, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// Where a week's report went. <see cref="LatestUpdated"/> is false when <c>latest/</c> already holds a newer week,
/// so re-publishing an old week never replaces the current report.
/// </summary>
public sealed record ReportPublication(IsoWeek Week, IReadOnlyList<string> Paths, bool LatestUpdated);
