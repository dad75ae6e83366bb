using System.Globalization;
using System.Text;
using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>
/// <c>finance.csv</c>: one row per workload for the week, in FOCUS-style columns with <c>x_</c> extensions, for finance
/// to load anywhere. Plain invariant numbers (money to 2 decimals, calls whole), ISO dates, RFC 4180 quoting, LF line ends.
/// </summary>
public static class FinanceCsv
{
    public const string FileName = WeeklyReportRenderer.FinanceCsvName;
    public const string ContentType = "text/csv; charset=utf-8";
    public const string BillingCurrency = "USD";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "ChargePeriodStart", "ChargePeriodEnd", "BillingCurrency", "ServiceName", "EffectiveCost",
        "x_Workload", "x_WorkloadName", "x_Team", "x_CostCenter", "x_BaselineModel", "x_Verdict",
        "x_MonthlyCalls", "x_BaselineMonthlyCost", "x_CandidateMonthlyCost", "x_ProjectedMonthlySavings",
        "x_BuildCost", "x_PaybackMonths", "x_HorizonNet",
    ];

    public static string Header { get; } = string.Join(",", Columns);

    public static ReportFile Render(WeeklyReport report) => Render(ReportModel.Build(report));

    internal static ReportFile Render(ReportModel model)
    {
        var csv = new StringBuilder();
        csv.Append(Header).Append('\n');
        foreach (var entry in model.Entries)
            csv.Append(string.Join(",", Row(entry.Assessment).Select(Field))).Append('\n');
        return new ReportFile(FileName, WeeklyReportRenderer.Utf8.GetBytes(csv.ToString()), ContentType);
    }

    /// <summary>Baseline cost over the assessment window: baseline cost per call × window calls.</summary>
    public static decimal EffectiveCost(Assessment a) => a.Economics.BaselineCostPerCall * a.Inputs.Window.Calls;

    private static IEnumerable<string> Row(Assessment a)
    {
        var e = a.Economics;
        var w = a.Inputs.Window;
        yield return w.From is { } from ? IsoDate(from) : "";
        // FOCUS periods end exclusively: the day after the window's last day.
        yield return w.To is { } to ? IsoDate(to.AddDays(1)) : "";
        yield return BillingCurrency;
        yield return ReportText.ServiceName(a);
        yield return Money(EffectiveCost(a));
        yield return a.WorkloadId;
        yield return a.WorkloadName;
        yield return a.Team;
        yield return a.CostCenter;
        yield return ReportText.BaselinePrice(a)?.Key ?? "";
        yield return ReportText.VerdictName(a.Verdict);
        yield return Round(e.MonthlyCalls, 0);
        yield return Money(e.BaselineMonthlyCost);
        yield return Money(e.CandidateMonthlyCost);
        yield return Money(ReportText.ProjectedMonthlySavings(a));
        yield return Money(e.BuildCost);
        yield return e.PaybackMonths is { } payback ? Round(payback, 2) : "";
        yield return Money(e.HorizonNet);
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
