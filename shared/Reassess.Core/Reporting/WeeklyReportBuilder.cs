using System.Globalization;
using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>
/// The figures of one assessment the report's totals and selection need: a few stored columns, no JSON. The chosen
/// option's figures are those of <see cref="ChosenOption"/> (the fine-tune, the best route, or 0 for staying).
/// </summary>
public sealed record AssessmentFigures(
    string WorkloadId, string Team, Verdict Verdict, decimal BaselineMonthlyCost, decimal ChosenMonthlyNetSavings, decimal ChosenHorizonNet, bool Flipped)
{
    /// <summary>Savings ready to act on: the chosen option's run rate of a FineTune or Route verdict, else 0.</summary>
    public decimal ProjectedMonthlySavings => ChosenOption.ProjectedMonthlySavings(Verdict, ChosenMonthlyNetSavings);

    public static AssessmentFigures Of(Assessment a) => new(
        a.WorkloadId, a.Team ?? "", a.Verdict, a.Economics.BaselineMonthlyCost,
        ChosenOption.MonthlyNetSavings(a), ChosenOption.HorizonNet(a), a.Flip is not null);
}

/// <summary>Totals over every workload of a week, overall and per team, when the report details only some.</summary>
public sealed record PortfolioTotals(ReportTotals Totals, IReadOnlyDictionary<string, ReportTotals> Teams);

/// <summary>
/// Collects a week's assessment figures one at a time (a shard at a time from storage) and says which workloads the
/// report details. Up to <see cref="MaxDetailed"/> workloads it details all of them, as it always has. Past that a
/// page of cards per workload stops being readable and no longer fits in memory at company size, so the report
/// details every flip (up to <see cref="MaxFlips"/>) and the <see cref="TopBySavings"/> workloads with the largest
/// projected savings, and counts every workload in the totals; finance.csv still lists every workload.
/// </summary>
public sealed class WeeklyReportBuilder
{
    public const int MaxDetailed = 1_000;
    public const int TopBySavings = 500;
    public const int MaxFlips = 500;

    private readonly Dictionary<string, ReportTotals> _teams = new(StringComparer.Ordinal);
    private readonly List<string> _flips = [];
    private readonly PriorityQueue<string, (decimal Savings, string Id)> _top = new(Comparer<(decimal Savings, string Id)>.Create(
        (a, b) => a.Savings != b.Savings ? a.Savings.CompareTo(b.Savings) : string.CompareOrdinal(b.Id, a.Id)));

    private ReportTotals _totals = ReportTotals.None;

    public int Count => _totals.Workloads;

    /// <summary>True while the week is small enough for the report to detail every workload.</summary>
    public bool DetailsAll => Count <= MaxDetailed;

    public void Add(AssessmentFigures figures)
    {
        _totals = _totals.With(figures);
        _teams[figures.Team] = _teams.GetValueOrDefault(figures.Team, ReportTotals.None).With(figures);
        if (figures.Flipped && _flips.Count < MaxFlips) _flips.Add(figures.WorkloadId);
        var key = (figures.ProjectedMonthlySavings, figures.WorkloadId);
        if (_top.Count < TopBySavings) _top.Enqueue(figures.WorkloadId, key);
        else _top.EnqueueDequeue(figures.WorkloadId, key);
    }

    /// <summary>The workloads a large week's report details, in id order; every workload when <see cref="DetailsAll"/>.</summary>
    public IReadOnlyList<string> Selected() =>
        [.. _flips.Concat(_top.UnorderedItems.Select(i => i.Element)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The report: <paramref name="detailed"/> as its assessments, and for a large week the totals over every workload.</summary>
    public WeeklyReport Build(WeeklyReport inputs, IReadOnlyList<Assessment> detailed)
    {
        if (DetailsAll) return inputs with { Assessments = detailed };

        var inv = CultureInfo.InvariantCulture;
        string N(int n) => n.ToString("N0", inv);
        var note = $"This week has {N(_totals.Workloads)} workloads. The report details {N(detailed.Count)} of them: every flip (up to {N(MaxFlips)}) " +
                   $"and the {N(TopBySavings)} with the largest projected savings. Totals count every workload; finance.csv lists every workload; " +
                   "GET /api/workloads/{id}/assessments gives any workload's assessment.";
        return inputs with
        {
            Assessments = detailed,
            Portfolio = new PortfolioTotals(_totals, new Dictionary<string, ReportTotals>(_teams, StringComparer.Ordinal)),
            Notes = [.. inputs.Notes, note],
        };
    }
}
