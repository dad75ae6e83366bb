using System.Text;
using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;

namespace Reassess.Core.Reporting;

/// <summary>
/// The report in the order every file shows it, computed once: assessments sorted by team, workload name, id;
/// teams grouped; totals; flips; skipped inputs sorted. Each renderer only formats what is here.
/// </summary>
internal sealed class ReportModel
{
    private ReportModel(
        WeeklyReport report, IReadOnlyList<ReportEntry> entries, IReadOnlyList<TeamGroup> teams,
        IReadOnlyList<InputProblem> skipped)
    {
        Report = report;
        Entries = entries;
        Teams = teams;
        Skipped = skipped;
        Totals = report.Portfolio?.Totals ?? ReportTotals.Of(entries.Select(e => e.Assessment));
        Flips = entries.Where(e => e.Assessment.Flip is not null).ToList();
    }

    public WeeklyReport Report { get; }

    /// <summary>Every assessment in report order, with its anchor in index.html.</summary>
    public IReadOnlyList<ReportEntry> Entries { get; }

    public IReadOnlyList<TeamGroup> Teams { get; }

    public ReportTotals Totals { get; }

    public IReadOnlyList<ReportEntry> Flips { get; }

    /// <summary>Skipped inputs sorted by source, location, message.</summary>
    public IReadOnlyList<InputProblem> Skipped { get; }

    /// <summary>The last weeks' cost trends, for the charts and finance.csv (built on first use).</summary>
    public ReportTrends Trends => _trends ??= ReportTrends.Build(this);

    private ReportTrends? _trends;

    public static ReportModel Build(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ordered = (report.Assessments ?? []).Where(a => a is not null).Order(ReportOrder.Instance).ToList();

        var used = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<ReportEntry>(ordered.Count);
        foreach (var assessment in ordered)
        {
            var stem = "w-" + AnchorSafe(assessment.WorkloadId);
            var anchor = stem;
            for (var n = 2; !used.Add(anchor); n++) anchor = $"{stem}-{n}";
            entries.Add(new ReportEntry(assessment, anchor));
        }

        // Entries are sorted by team first, so each team's entries are adjacent.
        var teams = new List<TeamGroup>();
        for (var start = 0; start < entries.Count;)
        {
            var team = entries[start].Assessment.Team ?? "";
            var end = start;
            while (end < entries.Count && string.Equals(entries[end].Assessment.Team ?? "", team, StringComparison.Ordinal)) end++;
            teams.Add(new TeamGroup(team, entries.GetRange(start, end - start)));
            start = end;
        }

        if (report.Portfolio is { } portfolio)
        {
            // Every team shows its totals over all its workloads, with only its detailed workloads as cards.
            var detailed = teams.ToDictionary(t => t.Team, StringComparer.Ordinal);
            teams = portfolio.Teams.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new TeamGroup(t.Key, detailed.TryGetValue(t.Key, out var group) ? group.Entries : [], t.Value))
                .ToList();
        }

        var skipped = (report.Skipped ?? [])
            .Where(p => p is not null)
            .OrderBy(p => p.Source ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.Location ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.Message ?? "", StringComparer.Ordinal)
            .ToList();

        return new ReportModel(report, entries, teams, skipped);
    }

    /// <summary>Letters, digits, <c>-</c> and <c>_</c> survive; anything else becomes <c>-</c>.</summary>
    private static string AnchorSafe(string? id)
    {
        var builder = new StringBuilder();
        foreach (var c in (id ?? "").ToLowerInvariant())
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' ? c : '-');
        return builder.Length == 0 ? "workload" : builder.ToString();
    }
}

internal sealed record ReportEntry(Assessment Assessment, string Anchor);

/// <summary>A team's detailed entries; its totals are over all its workloads, detailed or not.</summary>
internal sealed record TeamGroup(string Team, IReadOnlyList<ReportEntry> Entries, ReportTotals? AllWorkloads = null)
{
    public ReportTotals Totals => AllWorkloads ?? ReportTotals.Of(Entries.Select(e => e.Assessment));
}

/// <summary>
/// Counts and sums over a set of assessments (a team, or all of them). <see cref="ProjectedMonthlySavings"/> counts
/// FineTune and Route verdicts (savings to act on); <see cref="ChosenMonthlyNetSavings"/> and
/// <see cref="ChosenHorizonNet"/> add up every verdict's chosen option (see <see cref="ChosenOption"/>).
/// </summary>
public sealed record ReportTotals(
    int Workloads, int FineTune, int PrepareFineTune, int Route, int StayOnFrontier,
    decimal BaselineMonthlyCost, decimal ProjectedMonthlySavings, decimal ChosenMonthlyNetSavings, decimal ChosenHorizonNet, int Flips)
{
    public static ReportTotals Of(IEnumerable<Assessment> assessments)
    {
        var totals = None;
        foreach (var a in assessments) totals = totals.With(a);
        return totals;
    }

    public static ReportTotals None { get; } = new(0, 0, 0, 0, 0, 0m, 0m, 0m, 0m, 0);

    /// <summary>The verdicts in the order the report lists them: fine-tune first, staying last.</summary>
    public static IReadOnlyList<Verdict> VerdictOrder { get; } = [Verdict.FineTune, Verdict.PrepareFineTune, Verdict.Route, Verdict.StayOnFrontier];

    /// <summary>These totals with one more assessment counted.</summary>
    public ReportTotals With(Assessment a) => With(AssessmentFigures.Of(a));

    public ReportTotals With(AssessmentFigures a) => new(
        Workloads + 1,
        FineTune + (a.Verdict == Verdict.FineTune ? 1 : 0),
        PrepareFineTune + (a.Verdict == Verdict.PrepareFineTune ? 1 : 0),
        Route + (a.Verdict == Verdict.Route ? 1 : 0),
        StayOnFrontier + (a.Verdict == Verdict.StayOnFrontier ? 1 : 0),
        BaselineMonthlyCost + a.BaselineMonthlyCost,
        ProjectedMonthlySavings + a.ProjectedMonthlySavings,
        ChosenMonthlyNetSavings + a.ChosenMonthlyNetSavings,
        ChosenHorizonNet + a.ChosenHorizonNet,
        Flips + (a.Flipped ? 1 : 0));

    public int CountOf(Verdict verdict) => verdict switch
    {
        Verdict.FineTune => FineTune,
        Verdict.PrepareFineTune => PrepareFineTune,
        Verdict.Route => Route,
        _ => StayOnFrontier,
    };
}

/// <summary>Team, then workload name, then id (case-insensitive first, ordinal to break ties), then time.</summary>
internal sealed class ReportOrder : IComparer<Assessment>
{
    public static ReportOrder Instance { get; } = new();

    public int Compare(Assessment? x, Assessment? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = Text(x.Team, y.Team);
        if (c == 0) c = Text(x.WorkloadName, y.WorkloadName);
        if (c == 0) c = Text(x.WorkloadId, y.WorkloadId);
        if (c == 0) c = x.AssessedAt.UtcDateTime.CompareTo(y.AssessedAt.UtcDateTime);
        if (c == 0) c = x.Verdict.CompareTo(y.Verdict);
        return c;
    }

    private static int Text(string? a, string? b)
    {
        var c = StringComparer.OrdinalIgnoreCase.Compare(a ?? "", b ?? "");
        return c != 0 ? c : StringComparer.Ordinal.Compare(a ?? "", b ?? "");
    }
}
