using Reassess.Core.Reporting;
using Reassess.Core.Reporting.Html;
using Reassess.Core.Time;

namespace Reassess.Core.Delivery;

/// <summary>One week's monthly spend run rate, null when no workload has a row that week.</summary>
public sealed record SpendWeek(IsoWeek Week, decimal? MonthlySpend);

/// <summary>A team's totals, for finance's per-team breakdown.</summary>
public sealed record TeamTotals(string Team, ReportTotals Totals);

/// <summary>
/// What finance is told after the weekly report: the portfolio's totals, the spend trend the report charts (the last
/// <see cref="WeeklyReport.TrendWeeks"/> weeks), each team's totals, and links to the report and to finance.csv, where
/// every workload's row is. Taken from the report's model, so the figures are the report's.
/// </summary>
public sealed record FinanceDigest
{
    public required IsoWeek Week { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    public required ReportTotals Totals { get; init; }
    public IReadOnlyList<VerdictCount> Counts => VerdictCount.Of(Totals);

    /// <summary>Oldest week first; the last is the report's week.</summary>
    public IReadOnlyList<SpendWeek> SpendTrend { get; init; } = [];

    /// <summary>The report's words for the trend: <c>$3,100.00 (W37) → $3,249.26 (W48), +4.8%</c>.</summary>
    public required string SpendTrendSummary { get; init; }

    /// <summary>Teams by baseline monthly spend, largest first.</summary>
    public IReadOnlyList<TeamTotals> Teams { get; init; } = [];

    public Uri? ReportLink { get; init; }
    public Uri? FinanceCsvLink { get; init; }

    public static FinanceDigest For(WeeklyReport report, Uri? reportLink, Uri? financeCsvLink)
    {
        var model = ReportModel.Build(report);
        var trends = model.Trends;
        return new FinanceDigest
        {
            Week = model.Report.Week,
            AsOf = model.Report.AsOf,
            Totals = model.Totals,
            SpendTrend = [.. trends.Weeks.Select((w, i) => new SpendWeek(w, trends.Total[i]))],
            SpendTrendSummary = SpendSeries.Summary(trends, trends.Total),
            Teams = [.. model.Teams.Select(t => new TeamTotals(t.Team, t.Totals))
                .OrderByDescending(t => t.Totals.BaselineMonthlyCost)
                .ThenBy(t => t.Team, StringComparer.Ordinal)],
            ReportLink = reportLink,
            FinanceCsvLink = financeCsvLink,
        };
    }
}
