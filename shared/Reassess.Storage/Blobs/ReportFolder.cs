using Reassess.Core.Time;

namespace Reassess.Storage.Blobs;

/// <summary>
/// A folder of published reports in the reports container: a week's own (<c>{yyyy}-W{ww}/</c>), or <c>latest/</c>,
/// which holds a copy of the newest week's, so a link to the current report never changes.
/// </summary>
public readonly record struct ReportFolder
{
    private const string LatestName = "latest";

    private ReportFolder(IsoWeek? week) => Week = week;

    public static ReportFolder Latest { get; } = new(null);

    public static ReportFolder Of(IsoWeek week) => new(week);

    /// <summary>The week whose own folder this is; null for <see cref="Latest"/>.</summary>
    public IsoWeek? Week { get; }

    /// <summary>The prefix every blob in this folder starts with.</summary>
    internal string Prefix => $"{this}/";

    /// <summary>The name of a report file in this folder, as stored in the container.</summary>
    internal string Blob(string file) => Prefix + BlobFiles.Segment(file, "Report file name");

    /// <summary>The folder's name: the week (<c>2026-W48</c>) or <c>latest</c>.</summary>
    public override string ToString() => Week?.ToString() ?? LatestName;
}
