using Reassess.Core.Decisions;
using Reassess.Core.Reporting;

namespace Reassess.Core.Tests.Reporting;

public class WeeklyReportBuilderTests
{
    /// <summary>Workload i: FineTune saving i dollars a month (12·i over the horizon) every third workload, a flip every 250th, ten teams.</summary>
    private static AssessmentFigures Figures(int i) => i % 3 == 0
        ? new($"wl-{i:D6}", $"team-{i % 10}", Verdict.FineTune, 100m, i, 12m * i, Flipped: i % 250 == 0)
        : new($"wl-{i:D6}", $"team-{i % 10}", Verdict.StayOnFrontier, 100m, 0m, 0m, Flipped: i % 250 == 0);

    private static Assessment Detailed(string id) => ReportFixtures.FineTuneWithFlip() with { WorkloadId = id, Team = $"team-{int.Parse(id[3..]) % 10}" };

    [Fact]
    public void A_week_of_up_to_a_thousand_workloads_details_every_one_as_before()
    {
        var builder = new WeeklyReportBuilder();
        for (var i = 0; i < WeeklyReportBuilder.MaxDetailed; i++) builder.Add(Figures(i));

        var report = builder.Build(ReportFixtures.Report(), ReportFixtures.Report().Assessments);

        Assert.True(builder.DetailsAll);
        Assert.Null(report.Portfolio);
        Assert.Equal(ReportFixtures.Report().Notes, report.Notes);
    }

    [Fact]
    public void A_large_week_details_its_flips_and_top_savers_and_totals_every_workload()
    {
        var builder = new WeeklyReportBuilder();
        for (var i = 0; i < 100_000; i++) builder.Add(Figures(i));

        var selected = builder.Selected();
        var report = builder.Build(ReportFixtures.Report() with { Assessments = [] }, [.. selected.Select(Detailed)]);

        // 400 flips (every 250th) and the 500 largest FineTune savings (99,999 down to 98,502, every third id); 2 overlap.
        Assert.Equal(898, selected.Count);
        Assert.Contains("wl-099999", selected);
        Assert.Contains("wl-098502", selected);
        Assert.DoesNotContain("wl-098499", selected);
        Assert.Contains("wl-000250", selected);
        Assert.Equal(100_000, report.Portfolio!.Totals.Workloads);
        Assert.Equal(33_334, report.Portfolio.Totals.FineTune);
        Assert.Equal(10_000_000m, report.Portfolio.Totals.BaselineMonthlyCost);
        Assert.Equal(400, report.Portfolio.Totals.Flips);
        Assert.Equal(10, report.Portfolio.Teams.Count);
        Assert.Equal(10_000, report.Portfolio.Teams["team-3"].Workloads);
        Assert.Contains(report.Notes, n => n.StartsWith("This week has 100,000 workloads. The report details 898 of them", StringComparison.Ordinal));
    }

    [Fact]
    public void A_large_weeks_html_and_summary_show_totals_over_every_workload_and_cards_only_for_the_detailed()
    {
        var builder = new WeeklyReportBuilder();
        for (var i = 0; i < 5_000; i++) builder.Add(Figures(i));
        var detailed = builder.Selected().Take(3).Select(Detailed).ToList();

        var files = WeeklyReportRenderer.Render(builder.Build(ReportFixtures.Report() with { Assessments = [] }, detailed));

        var html = ReportFixtures.Text(files.Single(f => f.Name == "index.html"));
        var summary = ReportFixtures.Text(files.Single(f => f.Name == "summary.md"));
        Assert.Contains("5,000", summary);
        Assert.Contains("This week has 5,000 workloads", html);
        Assert.Equal(3, html.Split("class=\"card").Length - 1);
        Assert.All(Enumerable.Range(0, 10), t => Assert.Contains($"team-{t}", html));
    }

    [Fact]
    public void Route_verdicts_are_counted_and_their_savings_selected_from_the_key_figures()
    {
        var builder = new WeeklyReportBuilder();
        for (var i = 0; i < 2_000; i++) builder.Add(Figures(i));
        // A Route saving more a month than any FineTune, and a PrepareFineTune that would, but is not ready to act on.
        builder.Add(new AssessmentFigures("wl-route", "team-legal", Verdict.Route, 8_096.38m, 6_477.10m, 77_725.20m, Flipped: false));
        builder.Add(new AssessmentFigures("wl-prepare", "team-legal", Verdict.PrepareFineTune, 1_500m, 9_000m, 20_000m, Flipped: false));

        var report = builder.Build(ReportFixtures.Report() with { Assessments = [] }, []);
        var totals = report.Portfolio!.Totals;

        Assert.Contains("wl-route", builder.Selected());
        Assert.DoesNotContain("wl-prepare", builder.Selected());
        Assert.Equal((667, 1, 1, 1_333), (totals.FineTune, totals.PrepareFineTune, totals.Route, totals.StayOnFrontier));
        // FineTune savings 0 + 3 + … + 1,998 = 666,333 a month; the Route's 6,477.10 joins them, the PrepareFineTune's 9,000 does not.
        Assert.Equal(666_333m + 6_477.10m, totals.ProjectedMonthlySavings);
        Assert.Equal(666_333m + 6_477.10m + 9_000m, totals.ChosenMonthlyNetSavings);
        Assert.Equal(12m * 666_333m + 77_725.20m + 20_000m, totals.ChosenHorizonNet);
        Assert.Equal((1, 1), (report.Portfolio.Teams["team-legal"].Route, report.Portfolio.Teams["team-legal"].PrepareFineTune));
    }
}
