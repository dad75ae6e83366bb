using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Core.Time;

namespace Reassess.Core.Reporting;

/// <summary>
/// Everything the weekly report shows for one ISO week. Rendering it is a pure function: the same report renders
/// byte-identical files every time (no clock, no culture), so re-running a week rewrites the same blobs.
/// </summary>
public sealed record WeeklyReport
{
    public required IsoWeek Week { get; init; }

    /// <summary>The instant the week's assessments were made as of (normally <see cref="IsoWeek.Start"/> or the job time).</summary>
    public required DateTimeOffset AsOf { get; init; }

    public IReadOnlyList<Assessment> Assessments { get; init; } = [];

    /// <summary>Workloads, sheets or files that were skipped this week, each with its reason.</summary>
    public IReadOnlyList<InputProblem> Skipped { get; init; } = [];

    /// <summary>Plain sentences about the week's inputs (prices refreshed, usage rows ingested), shown in the given order.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Price moves over 50%, sources disagreeing by over 5%, stale sources: shown under "What changed" when there are any.</summary>
    public PriceAlerts PriceAlerts { get; init; } = PriceAlerts.None;

    /// <summary>
    /// Cost-trend rows of the weeks up to and including <see cref="Week"/> (the report charts the last
    /// <see cref="TrendWeeks"/>; finance.csv has a row per workload and week). Empty: the charts show this week only.
    /// </summary>
    public IReadOnlyList<Trends.CostTrendPoint> Trends { get; init; } = [];

    /// <summary>
    /// Set when <see cref="Assessments"/> holds only the detailed selection of a large week
    /// (<see cref="WeeklyReportBuilder"/>): totals over every workload, overall and per team.
    /// </summary>
    public PortfolioTotals? Portfolio { get; init; }

    /// <summary>The decisions teams recorded on their workloads and how each has turned out ("Did it pay?"); empty: no section.</summary>
    public IReadOnlyList<DidItPayEntry> Outcomes { get; init; } = [];

    /// <summary>How many weeks of history the report charts.</summary>
    public const int TrendWeeks = 12;
}

/// <summary>One rendered file of the weekly report, ready for <c>reports/{yyyy}-W{ww}/{Name}</c>.</summary>
public sealed record ReportFile(string Name, byte[] Content, string ContentType);
