using System.Text.RegularExpressions;
using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

/// <summary>What the new parts of index.html say: the ranking, the spend trend, the charts' words, the sensitivity sentences.</summary>
public class ReportChartsTests
{
    private static readonly string Html = Text(File(WeeklyReportRenderer.Render(ReportWithHistory()), "index.html"));

    private static string Section(string id) =>
        Regex.Match(Html, $"<section id=\"{id}\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Ranking_puts_fine_tune_then_prepare_then_route_then_stay_each_by_horizon_net()
    {
        var rows = Regex.Matches(Section("portfolio"), "<tr><td class=\"num\">(\\d+)</td><th scope=\"row\"><a href=\"#([^\"]+)\">")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

        // The Route's fine-tune nets 18,832.25, more than either FineTune's, and still ranks after them and the PrepareFineTune.
        Assert.Equal(
            [("1", "w-support-triage"), ("2", "w-clause-tagging"), ("3", "w-invoice-extract"), ("4", "w-contract-review"), ("5", "w-xss-probe")],
            rows);
        Assert.Contains("Fine-tune now: 4 of 4 thresholds hold and it pays back in 9.6 months.", Section("portfolio"));
        Assert.Contains("Close the readiness gaps first: labelled examples 350 &lt; 1000; no eval suite.", Section("portfolio"));
        Assert.Contains("Does not pay within 12 months; keep improving prompts, caching and routing.", Section("portfolio"));
    }

    [Fact]
    public void Ranking_chart_words_give_every_workload_its_horizon_net()
    {
        Assert.Contains("<desc id=\"portfolio-horizon-desc\">Horizon net (savings over each workload&#39;s horizon less the build cost), in ranking order: " +
                        "Support triage $7,562.65; Clause tagging $2,449.15; Invoice extraction \u2212$27,646.00; Contract review $18,832.25; " +
                        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; \u2212$30,800.00.</desc>", Html);
        Assert.Contains("<rect class=\"bar v-route\"", Section("portfolio"));
    }

    [Fact]
    public void Spend_trend_charts_each_team_over_twelve_weeks_and_tabulates_the_change()
    {
        var spend = Section("spend");

        Assert.Contains("2026-W37 to 2026-W48", spend);
        Assert.Contains("<desc id=\"spend-by-team-desc\">legal: W37 no data", spend); // the largest spender first
        Assert.Contains("search: W37 no data", spend);
        Assert.Contains("W45 no data, W46 $4,410.40, W47 $5,605.42, W48 $5,900.44.", spend); // the hostile workload has no W46 row
        Assert.Contains("<tr><th scope=\"row\">billing</th><td class=\"num\">$1,350.00</td><td class=\"num\">$1,500.00</td><td class=\"num\">+11.1%</td></tr>", spend);
        Assert.Contains("<tr><th scope=\"row\">All teams</th><td class=\"num\">$17,074.02</td><td class=\"num\">$19,971.13</td>", spend);
    }

    [Fact]
    public void Each_card_says_where_its_spend_went_over_the_weeks()
    {
        Assert.Contains("<span>$4,410.40 (W46) \u2192 $4,900.44 (W48), +11.1%</span>", Html);
        Assert.Contains("<span>$950.00 (W47) \u2192 $1,000.00 (W48), +5.3%</span>", Html);
    }

    [Fact]
    public void Payback_chart_words_say_where_the_limit_is_reached_and_where_the_workload_is_now()
    {
        Assert.Contains("<desc id=\"w-support-triage-payback-desc\">Payback goes from 31.2 months at 5.0M calls/month to 3.9 months at 20.0M calls/month. " +
                        "The 12-month limit is reached at 8.7M calls/month. Now 10.0M calls/month, payback 9.6 months.</desc>", Html);
        Assert.Contains(">limit 12 months</text>", Html);
        Assert.Contains(">now 10.0M: 9.6 mo</text>", Html);
    }

    [Fact]
    public void Tornado_words_give_both_ends_of_every_driver()
    {
        Assert.Contains("<desc id=\"w-support-triage-tornado-desc\">Horizon net over 12 months is $7,562.65 now. " +
                        "Monthly volume \u221225%: \u2212$7,138.62; +25%: $22,263.92.", Html);
        Assert.Contains("Retraining \u221225%: $9,562.65; +25%: $5,562.65.</desc>", Html);
    }

    [Theory]
    [InlineData(ThresholdCase.Met, 8_714_728, -12.86,
        "Fine-tuning pays back within 12 months from 8.7M calls/month; now 10.0M (15% above).",
        "It stops paying back within 12 months if the frontier price falls 12.9% (a cheaper frontier model erodes the savings).")]
    [InlineData(ThresholdCase.NotMet, 12_000_000, 18.5,
        "Fine-tuning would pay back within 12 months from 12.0M calls/month; now 10.0M (needs +20%).",
        "It would pay back within 12 months if the frontier price rose 18.5%.")]
    [InlineData(ThresholdCase.NoScenarios, 8_714_728, -12.86,
        "Volume threshold changes state at 8.7M calls/month (now 10.0M).",
        "Volume threshold changes state when the frontier price changes by \u221212.9%.")]
    public void Sensitivity_reads_in_the_teams_terms_when_the_direction_is_clear(ThresholdCase which, double flipCalls, double flipPct, string volume, string price)
    {
        var a = FineTuneWithFlip() with { Sensitivity = new((decimal)flipCalls, (decimal)flipPct) };
        if (which == ThresholdCase.NotMet)
            a = a with { Thresholds = a.Thresholds with { Volume = new(Reassess.Core.Decisions.ThresholdStatus.NotMet, "payback 14.1 months > 12") } };
        if (which == ThresholdCase.NoScenarios) a = a with { Scenarios = null };

        Assert.Equal([volume, price], ReportText.SensitivityLines(a));
    }

    public enum ThresholdCase { Met, NotMet, NoScenarios }
}
