using Reassess.Core.Reporting;
using Reassess.Core.Trends;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

public class FinanceCsvTests
{
    private const string ExpectedHeader =
        "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,ServiceName,EffectiveCost,Tags,x_Week,x_Workload,x_WorkloadName,x_Team," +
        "x_CostCenter,x_BaselineModel,x_Verdict,x_ChargePeriodCalls,x_MonthlyCalls,x_BaselineMonthlyCost,x_CandidateMonthlyCost," +
        "x_ProjectedMonthlySavings,x_BuildCost,x_PaybackMonths,x_HorizonNet,x_WindowCost,x_BestRoute,x_ChosenMonthlyNetSavings,x_ChosenHorizonNet,x_ForecastMonthlyNetSavings,x_RealisedMonthlyNetSavings,x_RealisedSavingsToDate";

    private const int WorkloadColumn = 7;

    private static readonly List<string[]> Records = Rfc4180.Parse(Text(File(WeeklyReportRenderer.Render(Report()), "finance.csv")));

    private static Dictionary<string, string> Row(string workload)
    {
        var header = Records[0];
        var row = Assert.Single(Records.Skip(1), r => r[WorkloadColumn] == workload);
        return header.Zip(row).ToDictionary(p => p.First, p => p.Second);
    }

    [Fact]
    public void Header_is_the_focus_style_column_list_and_there_is_one_row_per_workload()
    {
        Assert.Equal(ExpectedHeader, string.Join(",", Records[0]));
        Assert.Equal(ExpectedHeader, FinanceCsv.Header);
        Assert.Equal(6, Records.Count);
        Assert.All(Records, r => Assert.Equal(28, r.Length));
        Assert.Equal("x_Workload", Records[0][WorkloadColumn]);
        Assert.Equal(["invoice-extract", "clause-tagging", "contract-review", "xss-probe", "support-triage"], Records.Skip(1).Select(r => r[WorkloadColumn]));
    }

    [Fact]
    public void Fine_tune_row_carries_the_worked_example_figures()
    {
        var row = Row("support-triage");
        // Without stored trends, this week's charge period (the 7 days before the assessment) is the window's average week.
        Assert.Equal("2026-11-16", row["ChargePeriodStart"]);
        Assert.Equal("2026-11-23", row["ChargePeriodEnd"]); // exclusive, as FOCUS defines it
        Assert.Equal("USD", row["BillingCurrency"]);
        Assert.Equal("Azure OpenAI", row["ServiceName"]);
        Assert.Equal("1127.00", row["EffectiveCost"]); // 0.00049 × 2,300,000 calls (9,200,000 × 7 / 28)
        Assert.Equal("2300000", row["x_ChargePeriodCalls"]);
        Assert.Equal("4508.00", row["x_WindowCost"]); // 0.00049 × 9,200,000 window calls
        Assert.Equal("2026-W48", row["x_Week"]);
        Assert.Equal("""{"x_CostCenter":"CC-100","x_Team":"search","x_Workload":"support-triage"}""", row["Tags"]);
        Assert.Equal("Support triage", row["x_WorkloadName"]);
        Assert.Equal("search", row["x_Team"]);
        Assert.Equal("CC-100", row["x_CostCenter"]);
        Assert.Equal("azure/gpt-4o-mini", row["x_BaselineModel"]);
        Assert.Equal("FineTune", row["x_Verdict"]);
        Assert.Equal("10000893", row["x_MonthlyCalls"]);
        Assert.Equal("4900.44", row["x_BaselineMonthlyCost"]);
        Assert.Equal("1770.22", row["x_CandidateMonthlyCost"]);
        Assert.Equal("3130.22", row["x_ProjectedMonthlySavings"]);
        Assert.Equal("30000.00", row["x_BuildCost"]);
        Assert.Equal("9.58", row["x_PaybackMonths"]);
        Assert.Equal("7562.65", row["x_HorizonNet"]);
        Assert.Equal("", row["x_BestRoute"]);
        Assert.Equal("3130.22", row["x_ChosenMonthlyNetSavings"]);
        Assert.Equal("7562.65", row["x_ChosenHorizonNet"]);
    }

    [Fact]
    public void Savings_to_act_on_count_fine_tune_and_route_verdicts_and_missing_payback_is_empty()
    {
        var prepare = Row("invoice-extract");
        Assert.Equal("PrepareFineTune", prepare["x_Verdict"]);
        Assert.Equal("0.00", prepare["x_ProjectedMonthlySavings"]);
        // Its chosen option is still the fine-tune: part of the projected savings, not of the savings to act on.
        Assert.Equal(("-220.50", "-27646.00"), (prepare["x_ChosenMonthlyNetSavings"], prepare["x_ChosenHorizonNet"]));
        Assert.Equal("", prepare["x_PaybackMonths"]);
        Assert.Equal("-27646.00", prepare["x_HorizonNet"]);
        Assert.Equal("343.75", prepare["EffectiveCost"]); // 0.0125 × 27,500 (110,000 × 7 / 28)
        Assert.Equal("1375.00", prepare["x_WindowCost"]); // 0.0125 × 110,000
        Assert.Equal("Anthropic", prepare["ServiceName"]);

        var stay = Row("xss-probe");
        Assert.Equal("0.00", stay["x_ProjectedMonthlySavings"]);
        Assert.Equal(("0.00", "0.00"), (stay["x_ChosenMonthlyNetSavings"], stay["x_ChosenHorizonNet"]));
        Assert.Equal("OpenAI", stay["ServiceName"]);
    }

    [Fact]
    public void A_route_row_carries_the_best_route_and_its_savings_not_the_fine_tunes()
    {
        var route = Row("contract-review");

        Assert.Equal("Route", route["x_Verdict"]);
        Assert.Equal("openai/gpt-4.1-mini", route["x_BestRoute"]);
        Assert.Equal("6477.10", route["x_ProjectedMonthlySavings"]);
        Assert.Equal("6477.10", route["x_ChosenMonthlyNetSavings"]);
        Assert.Equal("77725.20", route["x_ChosenHorizonNet"]);
        // The fine-tune's own economics stay in their columns, for comparison.
        Assert.Equal(("3918.69", "18832.25", "7.49"), (route["x_CandidateMonthlyCost"], route["x_HorizonNet"], route["x_PaybackMonths"]));
    }

    [Fact]
    public void Fields_with_commas_quotes_or_markup_round_trip_through_rfc4180_quoting()
    {
        Assert.Equal("R&D, \"Europe\"", Row("invoice-extract")["x_CostCenter"]);
        Assert.Equal(HostileName, Row("xss-probe")["x_WorkloadName"]);
        var raw = Text(File(WeeklyReportRenderer.Render(Report()), "finance.csv"));
        Assert.Contains(",\"R&D, \"\"Europe\"\"\",", raw);
        Assert.Equal("R&D, \"Europe\"", System.Text.Json.JsonDocument.Parse(Row("invoice-extract")["Tags"]).RootElement.GetProperty("x_CostCenter").GetString());
    }

    [Fact]
    public void Unknown_providers_are_named_as_they_are()
    {
        var a = FineTuneWithFlip() with
        {
            Inputs = FineTuneWithFlip().Inputs with { Prices = [new("baseline", "acme-llm/big-1", AsOf, "overrides")] },
        };
        Assert.Equal("acme-llm", ReportText.ServiceName(a));
    }

    [Fact]
    public void With_history_there_is_one_row_per_workload_and_week_under_the_documented_columns()
    {
        var text = Text(File(WeeklyReportRenderer.Render(ReportWithHistory()), "finance.csv"));
        var header = Rfc4180.Parse(text)[0];
        var rows = Rfc4180.Rows(text);

        Assert.Equal(FinanceCsv.Columns, header);
        Assert.Equal(["ChargePeriodStart", "ChargePeriodEnd", "BillingCurrency", "ServiceName", "EffectiveCost", "Tags"], header.Where(c => !c.StartsWith("x_")));
        Assert.Equal(14, rows.Count); // 5 workloads × 3 weeks, less the week the hostile one missed
        Assert.Equal(rows.Count, rows.Select(r => (r["x_Week"], r["x_Workload"])).Distinct().Count());
        Assert.Equal(["2026-W46", "2026-W47", "2026-W48"], rows.Select(r => r["x_Week"]).Distinct());
        // Each workload's charge periods follow each other without overlapping: costs add up across weeks.
        foreach (var workload in rows.GroupBy(r => r["x_Workload"]))
        {
            var periods = workload.Select(r => (Start: DateOnly.Parse(r["ChargePeriodStart"]), End: DateOnly.Parse(r["ChargePeriodEnd"]))).ToList();
            for (var i = 1; i < periods.Count; i++) Assert.Equal(periods[i - 1].End, periods[i].Start);
            Assert.All(periods, p => Assert.Equal(7, p.End.DayNumber - p.Start.DayNumber));
        }

        Assert.All(rows, r => Assert.Equal("USD", r["BillingCurrency"]));
        Assert.All(rows, r => Assert.Equal(r["x_Team"], System.Text.Json.JsonDocument.Parse(r["Tags"]).RootElement.GetProperty("x_Team").GetString()));
    }

    [Fact]
    public void Totals_equal_the_sum_of_the_workload_rows()
    {
        var report = ReportWithHistory();
        var rows = Rfc4180.Rows(Text(File(WeeklyReportRenderer.Render(report), "finance.csv")));

        // This week's run rates add up to the headline and the totals table of index.html.
        var thisWeek = rows.Where(r => r["x_Week"] == "2026-W48").ToList();
        Assert.Equal(19_971.13m, Sum(thisWeek, "x_BaselineMonthlyCost"));
        Assert.Equal(12_311.42m, Sum(thisWeek, "x_ProjectedMonthlySavings")); // 3,130.22 + 2,704.10 (FineTune) + 6,477.10 (Route)
        Assert.Equal(12_090.92m, Sum(thisWeek, "x_ChosenMonthlyNetSavings")); // and the PrepareFineTune's −220.50
        Assert.Equal(60_091.00m, Sum(thisWeek, "x_ChosenHorizonNet"));
        var html = Text(File(WeeklyReportRenderer.Render(report), "index.html"));
        Assert.Contains("<td class=\"num\">$19,971.13</td><td class=\"num\">$12,311.42</td><td class=\"num\">$60,091.00</td></tr>\n</tfoot>", html);
        Assert.Contains("<dd>$60,091.00 net over the horizon<br>$12,090.92 / month run rate</dd>", html);

        // Each week's and team's sums are what the trends query gives (CostTrendTable sums the same rows).
        var byTeam = CostTrendTable.Answer(report.Trends.Concat(report.Assessments.Select(a => CostTrendPoint.Estimate(a, Week))),
            new TrendQuery(TrendGrouping.Team, Week.Previous.Previous, Week, TrendFormat.Json));
        foreach (var total in byTeam.Totals)
            Assert.Equal(total.EffectiveCost, Sum(rows.Where(r => r["x_Week"] == total.Week), "EffectiveCost"));
        foreach (var team in byTeam.Rows)
        {
            var teamRows = rows.Where(r => r["x_Week"] == team.Week && r["x_Team"] == team.Group).ToList();
            Assert.Equal(team.BaselineMonthlyCost, Sum(teamRows, "x_BaselineMonthlyCost"));
            Assert.Equal(team.ProjectedMonthlySavings, Sum(teamRows, "x_ProjectedMonthlySavings"));
            Assert.Equal(team.ChosenMonthlyNetSavings, Sum(teamRows, "x_ChosenMonthlyNetSavings"));
            Assert.Equal(team.ChosenHorizonNet, Sum(teamRows, "x_ChosenHorizonNet"));
            Assert.Equal(team.Route, teamRows.Count(r => r["x_Verdict"] == "Route"));
        }

        Assert.Equal(byTeam.Totals.Sum(t => t.EffectiveCost), Sum(rows, "EffectiveCost"));
        var w48 = Assert.Single(byTeam.Totals, t => t.Week == "2026-W48");
        Assert.Equal((2, 1, 1, 1, 60_091.00m), (w48.FineTune, w48.PrepareFineTune, w48.Route, w48.StayOnFrontier, w48.ChosenHorizonNet));
    }

    [Fact]
    public void Text_cells_a_spreadsheet_would_run_as_formulas_are_led_by_a_quote_and_negative_money_stays_a_number()
    {
        var prepare = PrepareWithoutPayback();
        var report = Report() with
        {
            Assessments =
            [
                FineTuneWithFlip() with { WorkloadName = Hyperlink, Team = "+1", CostCenter = "@SUM(A1)" },
                prepare with { WorkloadId = "-cmd", Team = "\tx", CostCenter = "\rx", Economics = prepare.Economics with { HorizonNet = -12.50m } },
            ],
        };

        var text = Text(File(WeeklyReportRenderer.Render(report), "finance.csv"));
        var rows = Rfc4180.Rows(text);

        var fineTune = Assert.Single(rows, r => r["x_Workload"] == "support-triage");
        Assert.Equal(("'" + Hyperlink, "'+1", "'@SUM(A1)"), (fineTune["x_WorkloadName"], fineTune["x_Team"], fineTune["x_CostCenter"]));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", text); // quoted, quotes doubled, as RFC 4180 asks
        var cmd = Assert.Single(rows, r => r["x_Workload"] == "'-cmd");
        Assert.Equal(("'\tx", "'\rx"), (cmd["x_Team"], cmd["x_CostCenter"]));
        Assert.Contains(",\"'\rx\",", text);
        Assert.Equal("-12.50", cmd["x_HorizonNet"]);
        // Tags is one JSON text cell (it starts with '{'): the ids inside it are as they are.
        Assert.Equal("-cmd", System.Text.Json.JsonDocument.Parse(cmd["Tags"]).RootElement.GetProperty("x_Workload").GetString());

        // The sums still reconcile with the trends query, group by group, once the added quote is taken off.
        var byTeam = CostTrendTable.Answer(report.Assessments.Select(a => CostTrendPoint.Estimate(a, Week)),
            new TrendQuery(TrendGrouping.Team, Week, Week, TrendFormat.Json));
        Assert.Equal(["\tx", "+1"], byTeam.Rows.Select(r => r.Group));
        foreach (var team in byTeam.Rows)
            Assert.Equal(team.EffectiveCost, Sum(rows.Where(r => CsvCell.Original(r["x_Team"]) == team.Group), "EffectiveCost"));
        Assert.Equal(Assert.Single(byTeam.Totals).EffectiveCost, Sum(rows, "EffectiveCost"));
    }

    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";

    private static decimal Sum(IEnumerable<Dictionary<string, string>> rows, string column) =>
        rows.Sum(r => decimal.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture));
}
