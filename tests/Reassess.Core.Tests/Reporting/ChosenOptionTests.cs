using Reassess.Core.Decisions;
using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

public class ChosenOptionTests
{
    public static TheoryData<string, decimal, decimal, decimal> Verdicts() => new()
    {
        // workload, run rate, horizon net, savings to act on
        { "support-triage", 3_130.22m, 7_562.65m, 3_130.22m },
        { "invoice-extract", -220.50m, -27_646.00m, 0m },
        { "contract-review", 6_477.10m, 77_725.20m, 6_477.10m },
        { "xss-probe", 0m, 0m, 0m },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Each_verdict_chooses_the_fine_tune_the_best_route_or_nothing(string workload, decimal runRate, decimal horizonNet, decimal toActOn)
    {
        var a = Report().Assessments.Single(x => x.WorkloadId == workload);

        Assert.Equal(runRate, ChosenOption.MonthlyNetSavings(a));
        Assert.Equal(horizonNet, ChosenOption.HorizonNet(a));
        Assert.Equal(toActOn, ChosenOption.ProjectedMonthlySavings(a));
        Assert.Equal((runRate, horizonNet, toActOn), (AssessmentFigures.Of(a).ChosenMonthlyNetSavings, AssessmentFigures.Of(a).ChosenHorizonNet, AssessmentFigures.Of(a).ProjectedMonthlySavings));
    }

    [Fact]
    public void A_best_route_listed_as_a_partial_route_and_as_a_failed_switch_is_the_qualifying_one()
    {
        var a = RouteWithFlip() with { BestRoute = "openai/gpt-4.1-nano" };

        var route = ChosenOption.BestRoute(a);

        Assert.Equal((0.6m, true, 49_087.00m), (route!.Share, route.Qualifies, route.HorizonNet));
        Assert.Same(route, ChosenOption.Of(a));
    }

    [Fact]
    public void A_route_verdict_without_its_option_listed_projects_nothing()
    {
        var a = RouteWithFlip() with { Options = [] };

        Assert.Null(ChosenOption.BestRoute(a));
        Assert.Equal((0m, 0m), (ChosenOption.MonthlyNetSavings(a), ChosenOption.HorizonNet(a)));
    }

    [Theory]
    [InlineData(Verdict.FineTune, 3_130.22)]
    [InlineData(Verdict.PrepareFineTune, 3_130.22)]
    [InlineData(Verdict.StayOnFrontier, 0)]
    public void A_row_stored_before_routes_takes_the_fine_tunes_figure_for_fine_tune_verdicts(Verdict verdict, double expected)
    {
        Assert.Equal((decimal)expected, ChosenOption.FromFineTune(verdict, 3_130.22m));
    }
}
