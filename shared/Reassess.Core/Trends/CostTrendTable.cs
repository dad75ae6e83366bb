using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reassess.Core.Decisions;
using Reassess.Core.Json;
using Reassess.Core.Reporting;
using Reassess.Core.Time;

namespace Reassess.Core.Trends;

/// <summary>
/// One group's figures for one week: sums over its workloads (money in <see cref="BillingCurrency"/>). The fields added
/// with Route verdicts (<see cref="Route"/> and the chosen options' sums) come last, so the CSV's earlier columns keep
/// their positions.
/// </summary>
public sealed record TrendRow(
    string Group,
    string Week,
    DateOnly ChargePeriodStart,
    DateOnly ChargePeriodEnd,
    string BillingCurrency,
    int Workloads,
    long ChargePeriodCalls,
    decimal EffectiveCost,
    decimal MonthlyCalls,
    decimal BaselineMonthlyCost,
    decimal CandidateMonthlyCost,
    decimal ProjectedMonthlySavings,
    int FineTune,
    int PrepareFineTune,
    int StayOnFrontier,
    int Route,
    decimal ChosenMonthlyNetSavings,
    decimal ChosenHorizonNet);

/// <summary>The answer to a <see cref="TrendQuery"/>: rows by group and week, and each week's total over every group.</summary>
public sealed record TrendAnswer(
    string By,
    string From,
    string To,
    string BillingCurrency,
    IReadOnlyList<TrendRow> Rows,
    IReadOnlyList<TrendRow> Totals);

/// <summary>
/// Sums cost-trend points into rows by group and week, and writes them as CSV (one row per group and week, FOCUS-style
/// names, cells by <see cref="CsvCell"/>) or JSON (rows plus weekly totals). Pure and deterministic: the same points give
/// the same bytes, which is how <c>reassess trends</c> and <c>GET /api/trends</c> are seen to agree.
/// </summary>
public static class CostTrendTable
{
    public const string AllGroups = "(all)";

    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "x_GroupBy", "x_Group", "x_Week", "ChargePeriodStart", "ChargePeriodEnd", "BillingCurrency", "EffectiveCost",
        "x_Workloads", "x_ChargePeriodCalls", "x_MonthlyCalls", "x_BaselineMonthlyCost", "x_CandidateMonthlyCost",
        "x_ProjectedMonthlySavings", "x_FineTune", "x_PrepareFineTune", "x_StayOnFrontier",
        "x_Route", "x_ChosenMonthlyNetSavings", "x_ChosenHorizonNet",
    ];

    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    /// <summary>The group a point falls in; blank values read <c>(none)</c>.</summary>
    public static string GroupOf(CostTrendPoint point, TrendGrouping by)
    {
        var value = by switch
        {
            TrendGrouping.Team => point.Team,
            TrendGrouping.CostCenter => point.CostCenter,
            _ => point.WorkloadId,
        };
        return string.IsNullOrWhiteSpace(value) ? "(none)" : value;
    }

    public static TrendAnswer Answer(IEnumerable<CostTrendPoint> points, TrendQuery query)
    {
        var inRange = points
            .Where(p => IsoWeek.TryParse(p.Week, out var w) && w.CompareTo(query.From) >= 0 && w.CompareTo(query.To) <= 0)
            .ToList();
        var rows = inRange
            .GroupBy(p => (Group: GroupOf(p, query.By), p.Week))
            .Select(g => Sum(g.Key.Group, g.Key.Week, g.ToList()))
            .OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Week, StringComparer.Ordinal)
            .ToList();
        var totals = inRange
            .GroupBy(p => p.Week)
            .Select(g => Sum(AllGroups, g.Key, g.ToList()))
            .OrderBy(r => r.Week, StringComparer.Ordinal)
            .ToList();
        return new TrendAnswer(TrendQuery.Name(query.By), query.From.ToString(), query.To.ToString(), CostTrendPoint.Usd, rows, totals);
    }

    /// <summary>The figures of one group in one week: sums of its points (the charge period spans all of them).</summary>
    public static TrendRow Sum(string group, string week, IReadOnlyList<CostTrendPoint> points) => new(
        group,
        week,
        points.Count == 0 ? default : points.Min(p => p.ChargePeriodStart),
        points.Count == 0 ? default : points.Max(p => p.ChargePeriodEnd),
        CostTrendPoint.Usd,
        points.Count,
        points.Sum(p => p.ChargePeriodCalls),
        points.Sum(p => p.EffectiveCost),
        points.Sum(p => p.MonthlyCalls),
        points.Sum(p => p.BaselineMonthlyCost),
        points.Sum(p => p.CandidateMonthlyCost),
        points.Sum(p => p.ProjectedMonthlySavings),
        points.Count(p => p.Verdict == Verdict.FineTune),
        points.Count(p => p.Verdict == Verdict.PrepareFineTune),
        points.Count(p => p.Verdict == Verdict.StayOnFrontier),
        points.Count(p => p.Verdict == Verdict.Route),
        points.Sum(p => p.ChosenMonthlyNetSavings),
        points.Sum(p => p.ChosenHorizonNet));

    public static byte[] Render(TrendAnswer answer, TrendFormat format) => format == TrendFormat.Csv ? Csv(answer) : Json(answer);

    public static string ContentType(TrendFormat format) => format == TrendFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    /// <summary>One line per group and week; money with 2 decimals, calls whole, LF line ends, cells by <see cref="CsvCell"/>.</summary>
    public static byte[] Csv(TrendAnswer answer)
    {
        var csv = new StringBuilder().Append(string.Join(",", CsvColumns)).Append('\n');
        foreach (var r in answer.Rows)
        {
            string[] fields =
            [
                CsvCell.Text(answer.By), CsvCell.Text(r.Group), CsvCell.Text(r.Week), Day(r.ChargePeriodStart), Day(r.ChargePeriodEnd),
                CsvCell.Text(r.BillingCurrency), CsvCell.Money(r.EffectiveCost), Whole(r.Workloads), Whole(r.ChargePeriodCalls), Whole(r.MonthlyCalls),
                CsvCell.Money(r.BaselineMonthlyCost), CsvCell.Money(r.CandidateMonthlyCost), CsvCell.Money(r.ProjectedMonthlySavings),
                Whole(r.FineTune), Whole(r.PrepareFineTune), Whole(r.StayOnFrontier),
                Whole(r.Route), CsvCell.Money(r.ChosenMonthlyNetSavings), CsvCell.Money(r.ChosenHorizonNet),
            ];
            csv.Append(string.Join(",", fields)).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(csv.ToString());
    }

    public static byte[] Json(TrendAnswer answer) =>
        new UTF8Encoding(false).GetBytes(JsonSerializer.Serialize(answer, JsonOptions) + "\n");

    private static string Day(DateOnly day) => day == default ? "" : CsvCell.Date(day);

    private static string Whole(decimal value) => CsvCell.Number(value, 0);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(ReassessJson.Options) { NewLine = "\n" };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
