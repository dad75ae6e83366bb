using System.Globalization;
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
/// object. Plain invariant numbers (money to 2 decimals, calls whole), ISO dates, RFC 4180 quoting, LF line ends.
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
    ];

    public static string Header { get; } = string.Join(",", Columns);

    public static ReportFile Render(WeeklyReport report) => Render(ReportModel.Build(report));

    internal static ReportFile Render(ReportModel model)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append('\n');
        foreach (var point in model.Trends.Points)
            csv.Append(string.Join(",", Row(point).Select(Field))).Append('\n');
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

    private static IEnumerable<string> Row(CostTrendPoint p)
    {
        yield return IsoDate(p.ChargePeriodStart);
        yield return IsoDate(p.ChargePeriodEnd); // exclusive, as FOCUS defines it
        yield return p.BillingCurrency;
        yield return p.ServiceName;
        yield return Money(p.EffectiveCost);
        yield return Tags(p);
        yield return p.Week;
        yield return p.WorkloadId;
        yield return p.WorkloadName;
        yield return p.Team;
        yield return p.CostCenter;
        yield return p.BaselineModel;
        yield return ReportText.VerdictName(p.Verdict);
        yield return Round(p.ChargePeriodCalls, 0);
        yield return Round(p.MonthlyCalls, 0);
        yield return Money(p.BaselineMonthlyCost);
        yield return Money(p.CandidateMonthlyCost);
        yield return Money(p.ProjectedMonthlySavings);
        yield return Money(p.BuildCost);
        yield return p.PaybackMonths is { } payback ? Round(payback, 2) : "";
        yield return Money(p.HorizonNet);
        yield return Money(p.WindowCost);
    }

    private static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => Round(amount, 2);

    private static string Round(decimal value, int decimals)
    {
        var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0m; // no "-0.00"
        return rounded.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    internal static string Field(string? value)
    {
        value ??= "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
