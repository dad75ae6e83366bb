using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

public class MarkdownSummaryTests
{
    private static readonly string Md = Text(File(WeeklyReportRenderer.Render(Report()), "summary.md"));
    private static readonly string[] Lines = Md.Split('\n');

    [Fact]
    public void Title_names_the_week_and_the_counts_follow()
    {
        Assert.Equal("# Reassess weekly report 2026-W48", Lines[0]);
        Assert.Contains("5 workloads assessed as of 2026-11-23 06:00 UTC: **2 FineTune**, 1 PrepareFineTune, **1 Route**, 1 StayOnFrontier.", Lines);
    }

    [Fact]
    public void Savings_say_what_they_add_up()
    {
        Assert.Contains("Baseline LLM spend $19,971.13/month. Projected savings $60,091.00 net over the horizon, $12,090.92/month run rate " +
                        "(each verdict's chosen option: the fine-tune of FineTune and PrepareFineTune, the best route of Route); " +
                        "FineTune and Route verdicts, ready to act on: $12,311.42/month.", Lines);
    }

    [Fact]
    public void Each_flip_is_one_line_with_its_main_driver_and_a_fragile_one_is_marked()
    {
        Assert.Contains("## Flips (3)", Lines);
        Assert.Contains(
            "- **Support triage** (search): StayOnFrontier \u2192 FineTune \u2014 volume threshold now met: payback 9.6 months (was 13.1)",
            Lines);
        Assert.Contains(
            "- **Contract review** (legal): StayOnFrontier \u2192 Route \u2014 quality threshold Unknown \u2192 NotMet: openai/gpt-4.1-mini already scores " +
            "97.2 \u2265 target 97.0 at $0.00133 a call, no more than the baseline's.",
            Lines);
        Assert.Contains(
            "- **Clause tagging** (legal): StayOnFrontier \u2192 FineTune **fragile flip (margin 4.6%)** \u2014 volume threshold NotMet \u2192 Met: " +
            "Payback in 11.1 months \u2264 12 at 9.1M calls/month.",
            Lines);
    }

    [Fact]
    public void Top_candidates_are_fine_tune_verdicts_by_horizon_net()
    {
        Assert.Equal(
            [
                "1. **Support triage** (search): horizon net $7,562.65 over 12 months, payback 9.6 months, saves $3,130.22/month",
                "2. **Clause tagging** (legal): horizon net $2,449.15 over 12 months, payback 11.1 months, saves $2,704.10/month \u2014 **fragile (margin 4.6%)**",
            ],
            Items("## Top fine-tune candidates"));
    }

    [Fact]
    public void Top_routes_are_route_verdicts_with_model_share_and_the_routes_savings()
    {
        Assert.Equal(
            ["1. **Contract review** (legal): Switch all calls to openai/gpt-4.1-mini, horizon net $77,725.20 over 12 months, payback 0.0 months, saves $6,477.10/month"],
            Items("## Top routes"));
    }

    [Fact]
    public void A_partial_route_gives_its_share_of_calls()
    {
        var route = RouteWithFlip();
        var nanoWins = route with { BestRoute = "openai/gpt-4.1-nano" };

        var lines = Text(File(WeeklyReportRenderer.Render(Report() with { Assessments = [nanoWins] }), "summary.md")).Split('\n');

        Assert.Contains(
            "1. **Contract review** (legal): Route 60% of calls to openai/gpt-4.1-nano, horizon net $49,087.00 over 12 months, payback 1.3 months, saves $4,590.58/month",
            lines);
    }

    private static List<string> Items(string heading) =>
        Lines.Skip(Array.IndexOf(Lines, heading) + 1).SkipWhile(l => l.Length == 0).TakeWhile(l => l.Length > 0).ToList();

    [Fact]
    public void Skipped_inputs_are_counted()
    {
        Assert.Equal("Skipped inputs: 2 (reasons in index.html).", Lines[^2]);
        Assert.Equal("", Lines[^1]);
    }

    [Fact]
    public void With_history_one_line_gives_the_spend_trend()
    {
        var lines = Text(File(WeeklyReportRenderer.Render(ReportWithHistory()), "summary.md")).Split('\n');

        Assert.Contains("Spend trend: $17,074.02/month in W46 \u2192 $19,971.13/month in W48 (+17.0%).", lines);
        Assert.True(lines.Length <= 25, $"{lines.Length} lines");
        Assert.DoesNotContain(Lines, l => l.StartsWith("Spend trend", StringComparison.Ordinal)); // one week: no trend line
    }

    [Fact]
    public void Stays_short_enough_to_paste_into_a_channel()
    {
        Assert.True(Lines.Length <= 25, $"{Lines.Length} lines");
    }

    [Fact]
    public void Data_text_cannot_inject_markdown_or_html()
    {
        var report = Report() with
        {
            Assessments = [FineTuneWithFlip() with { WorkloadName = HostileName + " *bold* [link](x)\nnext" }],
        };

        var md = Text(File(WeeklyReportRenderer.Render(report), "summary.md"));

        Assert.Contains(@"\<script\>alert('x')\</script\> \*bold\* \[link\](x) next", md);
        Assert.DoesNotContain("<script>", md);
    }
}
