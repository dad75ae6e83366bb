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
        Assert.Contains("3 workloads assessed as of 2026-11-23 06:00 UTC: **1 FineTune**, 1 PrepareFineTune, 1 StayOnFrontier.", Lines);
        Assert.Contains("Baseline LLM spend $7,400.44/month; projected savings of FineTune verdicts $3,130.22/month.", Lines);
    }

    [Fact]
    public void Each_flip_is_one_line_with_its_main_driver()
    {
        Assert.Contains("## Flips (1)", Lines);
        Assert.Contains(
            "- **Support triage** (search): StayOnFrontier \u2192 FineTune \u2014 volume threshold now met: payback 9.6 months (was 13.1)",
            Lines);
    }

    [Fact]
    public void Top_candidates_are_fine_tune_verdicts_by_horizon_net()
    {
        var start = Array.IndexOf(Lines, "## Top fine-tune candidates");
        var items = Lines.Skip(start + 1).Where(l => l.Length > 0).TakeWhile(l => !l.StartsWith("Skipped", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["1. **Support triage** (search): horizon net $7,562.65 over 12 months, payback 9.6 months, saves $3,130.22/month"],
            items);
    }

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

        Assert.Contains("Spend trend: $5,760.40/month in W46 \u2192 $7,400.44/month in W48 (+28.5%).", lines);
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
