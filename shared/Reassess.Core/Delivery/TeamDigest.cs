using Reassess.Core.Reporting;
using Reassess.Core.Time;

namespace Reassess.Core.Delivery;

/// <summary>
/// What one team is told after the weekly report: its verdict counts, this week's flips with their drivers, the
/// fine-tunes and routes to act on (largest net first), its fragile verdicts and its evidence gaps, and the link to the
/// full report. Everything is taken from the report's own model, so a team's message never disagrees with the report.
/// </summary>
public sealed record TeamDigest
{
    public required IsoWeek Week { get; init; }
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The team as the workloads name it; empty for workloads without a team.</summary>
    public required string Team { get; init; }

    /// <summary>The team's totals over all its workloads (in a large week, also those the report does not detail).</summary>
    public required ReportTotals Totals { get; init; }

    public IReadOnlyList<VerdictCount> Counts => VerdictCount.Of(Totals);
    public IReadOnlyList<FlipItem> Flips { get; init; } = [];
    public IReadOnlyList<ActionItem> Actions { get; init; } = [];
    public IReadOnlyList<FragileItem> Fragile { get; init; } = [];
    public IReadOnlyList<EvidenceGapItem> EvidenceGaps { get; init; } = [];

    /// <summary>The time-limited read-only link to the week's report; null when none could be made.</summary>
    public Uri? ReportLink { get; init; }

    /// <summary>The team's digest, or one with zero counts when the report has no workload of that team.</summary>
    public static TeamDigest For(WeeklyReport report, string team, Uri? reportLink)
    {
        var model = ReportModel.Build(report);
        var group = model.Teams.FirstOrDefault(t => string.Equals(t.Team, team ?? "", StringComparison.Ordinal))
                    ?? new TeamGroup(team ?? "", []);
        return Of(model, group, reportLink);
    }

    /// <summary>Every team of the report, in the report's team order.</summary>
    public static IReadOnlyList<TeamDigest> ForEveryTeam(WeeklyReport report, Uri? reportLink)
    {
        var model = ReportModel.Build(report);
        return [.. model.Teams.Select(group => Of(model, group, reportLink))];
    }

    private static TeamDigest Of(ReportModel model, TeamGroup group, Uri? reportLink)
    {
        var entries = group.Entries.ToHashSet();
        var mine = model.Entries.Where(entries.Contains).ToList();
        return new TeamDigest
        {
            Week = model.Report.Week,
            AsOf = model.Report.AsOf,
            Team = group.Team,
            Totals = group.Totals,
            Flips = [.. model.Flips.Where(entries.Contains).Select(e => FlipItem.Of(e.Assessment))],
            // The report's "fine-tune next" order breaks ties; the chosen option's net decides, as the totals count it.
            Actions = [.. PortfolioRanking.FineTuneNext(model).Where(entries.Contains)
                .Select(e => ActionItem.Of(e.Assessment)).OfType<ActionItem>()
                .OrderByDescending(a => a.HorizonNet)],
            Fragile = [.. mine.Select(e => e.Assessment)
                .Where(a => ReportText.Fragile(a) is not null)
                .Select(a => new FragileItem(a.WorkloadId, ReportText.WorkloadLabel(a), a.Verdict, ReportText.Fragile(a)!))],
            EvidenceGaps = [.. mine.Select(e => e.Assessment)
                .Where(a => a.EvidenceGaps is { Count: > 0 })
                .Select(a => new EvidenceGapItem(a.WorkloadId, ReportText.WorkloadLabel(a), a.EvidenceGaps))],
            ReportLink = reportLink,
        };
    }
}
