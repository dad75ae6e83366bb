using Reassess.Core.Decisions;
using Reassess.Core.Delivery;
using Reassess.Core.Tests.Reporting;

namespace Reassess.Core.Tests.Delivery;

public class TeamDigestTests
{
    [Fact]
    public void Counts_each_verdict_of_the_team_only()
    {
        var legal = DeliveryFixtures.Legal();

        Assert.Equal("legal", legal.Team);
        Assert.Equal(ReportFixtures.Week, legal.Week);
        Assert.Equal(
            [new(Verdict.FineTune, 1), new(Verdict.PrepareFineTune, 0), new(Verdict.Route, 1), new(Verdict.StayOnFrontier, 0)],
            legal.Counts);
        Assert.Equal(2, legal.Totals.Workloads);
        Assert.Equal(12_570.69m, legal.Totals.BaselineMonthlyCost);
        Assert.Equal(9_181.20m, legal.Totals.ProjectedMonthlySavings);
        Assert.Equal(DeliveryFixtures.ReportLink, legal.ReportLink);
    }

    [Fact]
    public void Lists_this_weeks_flips_with_their_drivers_and_marks_the_fragile_one()
    {
        var flips = DeliveryFixtures.Legal().Flips;

        Assert.Equal(["clause-tagging", "contract-review"], flips.Select(f => f.WorkloadId));
        var clause = flips[0];
        Assert.Equal("Clause tagging", clause.WorkloadName);
        Assert.Equal(Verdict.StayOnFrontier, clause.Previous);
        Assert.Equal(Verdict.FineTune, clause.Current);
        Assert.Equal("StayOnFrontier \u2192 FineTune", clause.Transition);
        Assert.Equal("fragile flip (margin 4.6%)", clause.Fragile);
        Assert.Equal("monthly calls +9.6% (8.3M \u2192 9.1M)", clause.Drivers[1]);
        Assert.Null(flips[1].Fragile);
    }

    [Fact]
    public void Lists_routes_and_fine_tunes_to_act_on_by_their_net_largest_first()
    {
        var actions = DeliveryFixtures.Legal().Actions;

        Assert.Equal(2, actions.Count);
        Assert.Equal("contract-review", actions[0].WorkloadId);
        Assert.Equal("Switch all calls to openai/gpt-4.1-mini", actions[0].Action);
        Assert.Equal(77_725.20m, actions[0].HorizonNet);
        Assert.Equal(6_477.10m, actions[0].MonthlyNetSavings);
        Assert.Equal(12, actions[0].HorizonMonths);
        Assert.Equal("clause-tagging", actions[1].WorkloadId);
        Assert.Equal("Fine-tune to self-hosted/llama-3.1-8b", actions[1].Action);
        Assert.Equal(2_449.15m, actions[1].HorizonNet);
        Assert.Equal(11.094m, actions[1].PaybackMonths);
    }

    [Fact]
    public void Leaves_prepare_and_stay_verdicts_out_of_the_actions()
    {
        var billing = TeamDigest.For(ReportFixtures.Report(), "billing", null);

        Assert.Empty(billing.Actions);
        Assert.Equal(1, billing.Totals.PrepareFineTune);
        Assert.Equal(["quality: record at least 2 more eval runs"], Assert.Single(billing.EvidenceGaps).Gaps);
        Assert.Null(billing.ReportLink);
    }

    [Fact]
    public void Lists_fragile_verdicts_and_evidence_gaps_of_the_team()
    {
        var legal = DeliveryFixtures.Legal();

        var fragile = Assert.Single(legal.Fragile);
        Assert.Equal(("clause-tagging", Verdict.FineTune, "fragile (margin 4.6%)"), (fragile.WorkloadId, fragile.Verdict, fragile.Margin));
        var gap = Assert.Single(legal.EvidenceGaps);
        Assert.Equal("contract-review", gap.WorkloadId);
        Assert.StartsWith("alternative openai/gpt-4.1-mini: p95 latency", gap.Gaps[0]);
    }

    [Fact]
    public void A_team_without_workloads_gets_zero_counts()
    {
        var digest = TeamDigest.For(ReportFixtures.Report(), "nobody", null);

        Assert.Equal(0, digest.Totals.Workloads);
        Assert.Empty(digest.Flips);
        Assert.Empty(digest.Actions);
    }

    [Fact]
    public void Every_team_of_the_report_gets_a_digest_in_report_order()
    {
        var digests = TeamDigest.ForEveryTeam(ReportFixtures.Report(), DeliveryFixtures.ReportLink);

        Assert.Equal(["billing", "legal", "search"], digests.Select(d => d.Team));
        Assert.Equal(5, digests.Sum(d => d.Totals.Workloads));
    }
}
