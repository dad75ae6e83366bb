using System.Text;
using Reassess.Core.Outcomes;
using Reassess.Core.Reporting;
using Reassess.Core.Tests.Decisions;
using static Reassess.Core.Tests.Outcomes.OutcomeFixtures;

namespace Reassess.Core.Tests.Reporting;

/// <summary>The report's "Did it pay?": each decision's verdict, forecast against realised, and where the difference came from.</summary>
public class DidItPayReportTests
{
    private static readonly string Mini = WorkedExample2.Mini.Key;

    [Fact]
    public void A_decision_shows_its_verdict_forecast_and_realised_figures_and_the_variance_in_both_summaries()
    {
        // The baseline price cut of the worked outcome tests: realised $2,428.91 a month against $6,477.10 forecast.
        var cut = Gpt41HalvedFromDecisionDay;
        var outcome = Outcome(ForecastOf(DecisionAction.Route, Mini), Daily(Mini, 40_000, 2_000, 500, 300), prices: [.. PriceList, cut]);
        var decision = new WorkloadDecision { Date = Decided, Action = DecisionAction.Route, Model = Mini };
        var report = ReportFixtures.Report() with { Outcomes = [new DidItPayEntry("invoice-extraction", "Invoice <extraction>", "finance-ops", new DecisionOutcome { Decision = decision, Forecast = outcome.Forecast, Outcome = outcome, Verdict = outcome.Verdict })] };

        var files = WeeklyReportRenderer.Render(report);
        var html = Encoding.UTF8.GetString(files.Single(f => f.Name == "index.html").Content);
        var summary = Encoding.UTF8.GetString(files.Single(f => f.Name == "summary.md").Content);

        Assert.Contains("<h2>Did it pay?</h2>", html);
        Assert.Contains("Invoice &lt;extraction&gt; <span class=\"muted\">(finance-ops): routed to openai/gpt-4.1-mini on 2026-11-24</span>", html);
        Assert.Contains("<strong>behind: prices took 62.5% of forecast savings</strong>", html);
        Assert.Contains("<tr><th scope=\"row\">Monthly net savings</th><td class=\"num\">$6,477.10</td><td class=\"num\">$2,428.91</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">prices</th><td class=\"num\">\u2212$4,048.19</td></tr>", html);
        Assert.Contains("- **Invoice <extraction>** (finance-ops), routed to openai/gpt-4.1-mini on 2026-11-24: behind: prices took 62.5% of forecast savings;", summary.Replace("\\<", "<").Replace("\\>", ">"));
    }

    [Fact]
    public void Without_decisions_the_report_has_no_did_it_pay_section()
    {
        var files = WeeklyReportRenderer.Render(ReportFixtures.Report());

        Assert.DoesNotContain("Did it pay?", Encoding.UTF8.GetString(files.Single(f => f.Name == "index.html").Content));
        Assert.DoesNotContain("Did it pay?", Encoding.UTF8.GetString(files.Single(f => f.Name == "summary.md").Content));
    }

    [Fact]
    public void Finance_csv_carries_forecast_and_realised_savings_on_the_weeks_row_of_a_workload_that_acted()
    {
        var outcome = Outcome(ForecastOf(DecisionAction.Route, Mini), Daily(Mini, 40_000, 2_000, 500, 300), prices: [.. PriceList, Gpt41HalvedFromDecisionDay]);
        var decision = new WorkloadDecision { Date = Decided, Action = DecisionAction.Route, Model = Mini };
        var report = ReportFixtures.ReportWithHistory();
        var acted = report.Assessments[0].WorkloadId;
        report = report with { Outcomes = [new DidItPayEntry(acted, "acted", "t", new DecisionOutcome { Decision = decision, Outcome = outcome, Verdict = outcome.Verdict })] };

        var rows = Rfc4180.Rows(Encoding.UTF8.GetString(WeeklyReportRenderer.Render(report).Single(f => f.Name == "finance.csv").Content));

        var thisWeek = rows.Single(r => r["x_Workload"] == acted && r["x_Week"] == "2026-W48");
        Assert.Equal(("6477.10", "2428.91"), (thisWeek["x_ForecastMonthlyNetSavings"], thisWeek["x_RealisedMonthlyNetSavings"]));
        Assert.Equal(outcome.SavingsToDate!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), thisWeek["x_RealisedSavingsToDate"]);
        Assert.All(rows.Where(r => r["x_Workload"] != acted || r["x_Week"] != "2026-W48"),
            r => Assert.Equal(("", "", ""), (r["x_ForecastMonthlyNetSavings"], r["x_RealisedMonthlyNetSavings"], r["x_RealisedSavingsToDate"])));
    }
}
