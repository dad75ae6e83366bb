using System.Globalization;
using System.Text;
using Reassess.Core.Decisions;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Core.Trends;

namespace Reassess.Core.Tests.Trends;

public class CostTrendTableCsvTests
{
    private static readonly IsoWeek Week = new(2026, 48);

    private static CostTrendPoint Point(string workload, string team, string costCenter, decimal effectiveCost) => new()
    {
        Week = Week.ToString(),
        WorkloadId = workload,
        Team = team,
        CostCenter = costCenter,
        ChargePeriodStart = new DateOnly(2026, 11, 16),
        ChargePeriodEnd = new DateOnly(2026, 11, 23),
        ChargePeriodCalls = 1_000,
        EffectiveCost = effectiveCost,
        BaselineMonthlyCost = 100m,
    };

    private static List<Dictionary<string, string>> Csv(IEnumerable<CostTrendPoint> points, TrendGrouping by) =>
        Rfc4180.Rows(Encoding.UTF8.GetString(CostTrendTable.Csv(CostTrendTable.Answer(points, new TrendQuery(by, Week, Week, TrendFormat.Csv)))));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1")]
    [InlineData("-cmd")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    public void A_group_a_spreadsheet_would_run_as_a_formula_is_led_by_a_quote(string name)
    {
        foreach (var by in new[] { TrendGrouping.Team, TrendGrouping.CostCenter, TrendGrouping.Workload })
        {
            var row = Assert.Single(Csv([Point(name, name, name, 12.5m)], by));
            Assert.Equal("'" + name, row["x_Group"]);
            Assert.Equal("12.50", row["EffectiveCost"]);
        }
    }

    [Fact]
    public void The_hyperlink_cell_is_quoted_with_its_quotes_doubled()
    {
        var text = Encoding.UTF8.GetString(CostTrendTable.Csv(CostTrendTable.Answer(
            [Point("w1", "=HYPERLINK(\"http://x\",\"y\")", "CC-1", 1m)], new TrendQuery(TrendGrouping.Team, Week, Week, TrendFormat.Csv))));

        Assert.Contains("\nteam,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-W48,2026-11-16,2026-11-23,USD,1.00,", text);
    }

    [Fact]
    public void A_negative_amount_stays_a_number_and_the_rows_still_add_up_to_the_weekly_total()
    {
        // A credit larger than the charge leaves the "-ops" team at -12.50 for the week.
        CostTrendPoint[] points = [Point("w1", "-ops", "CC-1", 30m), Point("w2", "-ops", "CC-1", -42.5m), Point("w3", "=team", "CC-2", 7.25m)];

        var rows = Csv(points, TrendGrouping.Team);
        var total = Assert.Single(CostTrendTable.Answer(points, new TrendQuery(TrendGrouping.Team, Week, Week, TrendFormat.Csv)).Totals);

        var ops = Assert.Single(rows, r => r["x_Group"] == "'-ops");
        Assert.Equal(("-12.50", "2", "200.00"), (ops["EffectiveCost"], ops["x_Workloads"], ops["x_BaselineMonthlyCost"]));
        Assert.Equal(["'-ops", "'=team"], rows.Select(r => r["x_Group"]));
        Assert.Equal(-5.25m, total.EffectiveCost);
        Assert.Equal(total.EffectiveCost, rows.Sum(r => decimal.Parse(r["EffectiveCost"], CultureInfo.InvariantCulture)));
        Assert.Equal(["-ops", "=team"], rows.Select(r => CsvCell.Original(r["x_Group"])));
    }

    [Fact]
    public void Route_verdicts_are_counted_and_the_chosen_options_summed_in_columns_after_the_earlier_ones()
    {
        CostTrendPoint[] points =
        [
            Point("w1", "legal", "CC-3", 10m) with { Verdict = Verdict.Route, BestRoute = "openai/gpt-4.1-mini", ProjectedMonthlySavings = 6_477.10m, ChosenMonthlyNetSavings = 6_477.10m, ChosenHorizonNet = 77_725.20m },
            Point("w2", "legal", "CC-3", 10m) with { Verdict = Verdict.FineTune, ProjectedMonthlySavings = 2_704.10m, ChosenMonthlyNetSavings = 2_704.10m, ChosenHorizonNet = 2_449.15m },
            Point("w3", "legal", "CC-3", 10m) with { Verdict = Verdict.PrepareFineTune, ChosenMonthlyNetSavings = 500m, ChosenHorizonNet = 1_000m },
            Point("w4", "legal", "CC-3", 10m) with { Verdict = Verdict.StayOnFrontier },
        ];

        var row = Assert.Single(Csv(points, TrendGrouping.Team));

        // The columns that were there keep their places; the new ones follow them.
        Assert.Equal(
            ["x_ProjectedMonthlySavings", "x_FineTune", "x_PrepareFineTune", "x_StayOnFrontier", "x_Route", "x_ChosenMonthlyNetSavings", "x_ChosenHorizonNet"],
            CostTrendTable.CsvColumns.Skip(12));
        Assert.Equal(("1", "1", "1", "1"), (row["x_FineTune"], row["x_PrepareFineTune"], row["x_Route"], row["x_StayOnFrontier"]));
        Assert.Equal(("9181.20", "9681.20", "81174.35"), (row["x_ProjectedMonthlySavings"], row["x_ChosenMonthlyNetSavings"], row["x_ChosenHorizonNet"]));
    }
}
