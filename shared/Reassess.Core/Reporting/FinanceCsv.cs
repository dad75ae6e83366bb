using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reassess.Core.Trends;

namespace Reassess.Core.Reporting;

/// <summary>
/// <c>finance.csv</c>: one row per workload and week (the report's week and the weeks before it that the
/// <c>CostTrends</c> table holds, up to <see cref="WeeklyReport.TrendWeeks"/>), in FOCUS columns where they fit and
/// <c>x_</c> columns for ours, for finance to load anywhere. Each row's charge period is the 7 days before that week's
/// assessment, so periods never overlap and <c>EffectiveCost</c> adds up across weeks; <c>Tags</c> is a FOCUS JSON
/// object. Columns added after the first release go at the end, so a sheet that reads them by position keeps working.
/// The savings columns are the report's totals taken apart: <c>x_ProjectedMonthlySavings</c> (FineTune and Route
/// verdicts) and <c>x_ChosenMonthlyNetSavings</c>, <c>x_ChosenHorizonNet</c> (every verdict's chosen option, see
/// <see cref="ChosenOption"/>) add up to the headline of index.html; the <c>x_Forecast…</c>/<c>x_Realised…</c> columns say
/// whether recorded decisions paid ("Did it pay?"). Plain invariant numbers (money to 2 decimals,
/// calls whole), ISO dates, LF line ends; cells written by <see cref="CsvCell"/> (RFC 4180 quoting, text that a
/// spreadsheet would run as a formula led by <c>'</c>).
/// </summary>
public static class FinanceCsv
{
    public const string FileName = WeeklyReportRenderer.FinanceCsvName;
    public const string ContentType = "text/csv; charset=utf-8";
    public const string BillingCurrency = CostTrendPoint.Usd;

    public static IReadOnlyList<string> Columns { get; } =
    [
        "ChargePeriodStart", "ChargePeriodEnd", "BillingCurrency", "ServiceName", "EffectiveCost", "Tags",
        "x_Week", "x_Workload", "x_WorkloadName", "x_Team", "x_CostCenter", "x_BaselineModel", "x_Verdict",
        "x_ChargePeriodCalls", "x_MonthlyCalls", "x_BaselineMonthlyCost", "x_CandidateMonthlyCost", "x_ProjectedMonthlySavings",
        "x_BuildCost", "x_PaybackMonths", "x_HorizonNet", "x_WindowCost",
        "x_BestRoute", "x_ChosenMonthlyNetSavings", "x_ChosenHorizonNet",
        "x_ForecastMonthlyNetSavings", "x_RealisedMonthlyNetSavings", "x_RealisedSavingsToDate",
    ];

    public static string Header { get; } = string.Join(",", Columns);

    public static ReportFile Render(WeeklyReport report) => Render(ReportModel.Build(report));

    internal static ReportFile Render(ReportModel model)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append('\n');
        var outcomes = RealisedByWorkload(model.Report);
        var week = model.Report.Week.ToString();
        foreach (var point in model.Trends.Points)
            csv.Append(string.Join(",", [.. Row(point), .. Realised(point.Week == week && outcomes.TryGetValue(point.WorkloadId, out var o) ? o : null)])).Append('\n');
        return new ReportFile(FileName, WeeklyReportRenderer.Utf8.GetBytes(csv.ToString()), ContentType);
    }

    /// <summary>FOCUS <c>Tags</c>: the workload's team, cost centre and id as a JSON object.</summary>
    public static string Tags(CostTrendPoint p) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["x_CostCenter"] = p.CostCenter ?? "",
            ["x_Team"] = p.Team ?? "",
            ["x_Workload"] = p.WorkloadId,
        }, TagOptions);

    private static readonly JsonSerializerOptions TagOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// "Did it pay?" on the report week's row of each workload with a judged decision: the forecast and realised monthly
    /// net savings and the realised savings to date, summed over its decisions; blank where nothing is known yet.
    /// </summary>
    private static Dictionary<string, (decimal Forecast, decimal? Monthly, decimal? ToDate)> RealisedByWorkload(WeeklyReport report) =>
        report.Outcomes.Where(e => e.Outcome.Outcome is not null).GroupBy(e => e.WorkloadId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (g.Sum(e => e.Outcome.Outcome!.ForecastMonthlyNetSavings),
                g.All(e => e.Outcome.Outcome!.MonthlyNetSavings is not null) ? g.Sum(e => e.Outcome.Outcome!.MonthlyNetSavings!.Value) : (decimal?)null,
                g.All(e => e.Outcome.Outcome!.SavingsToDate is not null) ? g.Sum(e => e.Outcome.Outcome!.SavingsToDate!.Value) : (decimal?)null),
            StringComparer.Ordinal);

    private static IEnumerable<string> Realised((decimal Forecast, decimal? Monthly, decimal? ToDate)? outcome)
    {
        yield return outcome is { } o ? CsvCell.Money(o.Forecast) : "";
        yield return outcome?.Monthly is { } monthly ? CsvCell.Money(monthly) : "";
        yield return outcome?.ToDate is { } toDate ? CsvCell.Money(toDate) : "";
    }

    private static IEnumerable<string> Row(CostTrendPoint p)
    {
        yield return CsvCell.Date(p.ChargePeriodStart);
        yield return CsvCell.Date(p.ChargePeriodEnd); // exclusive, as FOCUS defines it
        yield return CsvCell.Text(p.BillingCurrency);
        yield return CsvCell.Text(p.ServiceName);
        yield return CsvCell.Money(p.EffectiveCost);
        yield return CsvCell.Text(Tags(p));
        yield return CsvCell.Text(p.Week);
        yield return CsvCell.Text(p.WorkloadId);
        yield return CsvCell.Text(p.WorkloadName);
        yield return CsvCell.Text(p.Team);
        yield return CsvCell.Text(p.CostCenter);
        yield return CsvCell.Text(p.BaselineModel);
        yield return CsvCell.Text(ReportText.VerdictName(p.Verdict));
        yield return CsvCell.Number(p.ChargePeriodCalls, 0);
        yield return CsvCell.Number(p.MonthlyCalls, 0);
        yield return CsvCell.Money(p.BaselineMonthlyCost);
        yield return CsvCell.Money(p.CandidateMonthlyCost);
        yield return CsvCell.Money(p.ProjectedMonthlySavings);
        yield return CsvCell.Money(p.BuildCost);
        yield return p.PaybackMonths is { } payback ? CsvCell.Number(payback, 2) : "";
        yield return CsvCell.Money(p.HorizonNet);
        yield return CsvCell.Money(p.WindowCost);
        yield return CsvCell.Text(p.BestRoute);
        yield return CsvCell.Money(p.ChosenMonthlyNetSavings);
        yield return CsvCell.Money(p.ChosenHorizonNet);
    }
}
