using Reassess.Core.Time;
using Reassess.Core.Trends;

namespace Reassess.Core.Reporting;

/// <summary>
/// The report's history: the <see cref="WeeklyReport.TrendWeeks"/> weeks up to the report's week, the cost-trend rows
/// in them (this week's taken from the assessments when the store had none), and the monthly spend run rate per week
/// for the whole portfolio, each team and each workload (null where a week has no row).
/// </summary>
internal sealed class ReportTrends
{
    private ReportTrends(IReadOnlyList<IsoWeek> weeks, IReadOnlyList<CostTrendPoint> points)
    {
        Weeks = weeks;
        Points = points;
        var index = weeks.Select((w, i) => (w.ToString(), i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        Total = Series(points, index);
        // Grouped once: a search of every point per workload is quadratic, minutes at 100,000 workloads.
        ByTeam = points.GroupBy(p => p.Team ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Series(g, index), StringComparer.Ordinal);
        ByWorkload = points.GroupBy(p => p.WorkloadId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Series(g, index), StringComparer.Ordinal);
    }

    /// <summary>The charted weeks, oldest first; the last is the report's week.</summary>
    public IReadOnlyList<IsoWeek> Weeks { get; }

    /// <summary>Short week labels for axes: <c>W37</c>, or <c>2026-W01</c> when the range crosses a year.</summary>
    public IReadOnlyList<string> Labels => Weeks.Select(w => Weeks[0].Year == Weeks[^1].Year ? $"W{w.Week:D2}" : w.ToString()).ToList();

    /// <summary>Every row of the charted weeks, by week then report order (team, workload name, id).</summary>
    public IReadOnlyList<CostTrendPoint> Points { get; }

    /// <summary>Monthly spend run rate (baseline monthly cost) of all workloads, per week.</summary>
    public IReadOnlyList<decimal?> Total { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<decimal?>> ByTeam { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<decimal?>> ByWorkload { get; }

    public IReadOnlyList<decimal?> Team(string? team) => ByTeam.TryGetValue(team ?? "", out var s) ? s : Empty();

    public IReadOnlyList<decimal?> Workload(string id) => ByWorkload.TryGetValue(id, out var s) ? s : Empty();

    /// <summary>Weeks with a value in <paramref name="series"/>.</summary>
    public static int Known(IReadOnlyList<decimal?> series) => series.Count(v => v is not null);

    public static ReportTrends Build(ReportModel model)
    {
        var week = model.Report.Week;
        var weeks = new List<IsoWeek> { week };
        while (weeks.Count < WeeklyReport.TrendWeeks) weeks.Insert(0, weeks[0].Previous);
        var labels = weeks.Select(w => w.ToString()).ToHashSet(StringComparer.Ordinal);
        var current = week.ToString();

        var points = (model.Report.Trends ?? [])
            .Where(p => p is not null && labels.Contains(p.Week))
            .GroupBy(p => (p.Week, p.WorkloadId))
            .Select(g => g.First())
            .ToList();
        var have = points.Where(p => p.Week == current).Select(p => p.WorkloadId).ToHashSet(StringComparer.Ordinal);
        points.AddRange(model.Entries.Select(e => e.Assessment).Where(a => !have.Contains(a.WorkloadId)).Select(a => CostTrendPoint.Estimate(a, week)));

        var ordered = points
            .OrderBy(p => p.Week, StringComparer.Ordinal)
            .ThenBy(p => p.Team ?? "", StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Team ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.WorkloadName ?? "", StringComparer.OrdinalIgnoreCase).ThenBy(p => p.WorkloadName ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.WorkloadId, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.WorkloadId, StringComparer.Ordinal)
            .ToList();
        return new ReportTrends(weeks, ordered);
    }

    private IReadOnlyList<decimal?> Empty() => Enumerable.Repeat<decimal?>(null, Weeks.Count).ToList();

    private static IReadOnlyList<decimal?> Series(IEnumerable<CostTrendPoint> points, IReadOnlyDictionary<string, int> index)
    {
        var series = new decimal?[index.Count];
        foreach (var p in points)
            if (index.TryGetValue(p.Week, out var i)) series[i] = (series[i] ?? 0m) + p.BaselineMonthlyCost;
        return series;
    }
}
