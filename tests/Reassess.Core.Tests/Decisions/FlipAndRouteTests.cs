using Reassess.Core.Decisions;
using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Decisions;

public class FlipAndRouteTests
{
    [Fact]
    public void A_verdict_that_changed_is_a_flip_with_its_drivers()
    {
        var lastWeek = WorkedExample.Assess(r => (r with { AssessedAt = r.AssessedAt.AddDays(-7) })
            .WithWindow(w => w with
            {
                Calls = 6_000_000, UncachedInputTokens = 400L * 6_000_000, CachedInputTokens = 400L * 6_000_000,
                OutputTokens = 10L * 6_000_000, LatencyP95Ms = 280,
            }));
        var thisWeek = WorkedExample.Assess(r => r with { Previous = lastWeek });

        Assert.Equal(Verdict.StayOnFrontier, lastWeek.Verdict);
        Assert.Equal(Verdict.FineTune, thisWeek.Verdict);
        var flip = Assert.IsType<Flip>(thisWeek.Flip);
        Assert.Equal(Verdict.StayOnFrontier, flip.PreviousVerdict);
        Assert.Equal(lastWeek.AssessedAt, flip.PreviousAssessedAt);
        Assert.Contains("volume threshold NotMet → Met: Payback in 9.6 months ≤ 12 at 10.0M calls/month.", flip.Drivers);
        Assert.Contains("latency threshold NotMet → Met: p95 640 ms > target 300 ms.", flip.Drivers);
        Assert.Contains("monthly calls +53.3% (6.5M → 10.0M)", flip.Drivers);
        Assert.Contains("p95 latency 280 → 640 ms", flip.Drivers);
        Assert.Contains("payback 21.0 months → 9.6 months", flip.Drivers);
    }

    [Fact]
    public void A_frontier_price_cut_is_named_as_a_driver()
    {
        var before = WorkedExample.Assess();
        var cheaper = WorkedExample.HaikuPrice with { InputPerMTok = 0.80m, CachedInputPerMTok = 0.08m, OutputPerMTok = 4.00m };
        var after = WorkedExample.Assess(r => r.WithPrices(cheaper) with { Previous = before });

        var flip = Assert.IsType<Flip>(after.Flip);
        Assert.Contains("anthropic/claude-haiku-4-5 input price −20.0% (1.00 → 0.80 $/MTok)", flip.Drivers);
        Assert.Contains("anthropic/claude-haiku-4-5 output price −20.0% (5.00 → 4.00 $/MTok)", flip.Drivers);
    }

    [Fact]
    public void A_flip_to_route_names_the_new_best_route_with_its_share_and_net()
    {
        var lastWeek = WorkedExample2.Assess(r => r with { Workload = r.Workload with { Alternatives = [] }, AssessedAt = r.AssessedAt.AddDays(-7) });
        var thisWeek = WorkedExample2.Assess(r => r with { Previous = lastWeek });

        Assert.Equal(Verdict.FineTune, lastWeek.Verdict);
        var flip = Assert.IsType<Flip>(thisWeek.Flip);
        Assert.Equal(Verdict.FineTune, flip.PreviousVerdict);
        Assert.Equal(Verdict.Route, thisWeek.Verdict);
        Assert.Contains("quality threshold Met → NotMet: openai/gpt-4.1-mini already scores 97.2 ≥ target 97.0 at $0.00133 a call, no more than the baseline's.", flip.Drivers);
        Assert.Contains("best route none → openai/gpt-4.1-mini (100% of calls, 12-month net $77,725.20)", flip.Drivers);
    }

    [Fact]
    public void A_change_of_best_route_names_both_routes()
    {
        var lastWeek = WorkedExample2.Assess(r => r with
        {
            Workload = r.Workload with { Alternatives = [r.Workload.Alternatives[0] with { EvalScore = 96m }, r.Workload.Alternatives[1]] },
        });
        var thisWeek = WorkedExample2.Assess();

        Assert.Equal((Verdict.Route, "openai/gpt-4.1-nano"), (lastWeek.Verdict, lastWeek.BestRoute));
        Assert.Equal(
            ["quality threshold Met → NotMet: openai/gpt-4.1-mini already scores 97.2 ≥ target 97.0 at $0.00133 a call, no more than the baseline's.",
             "best route openai/gpt-4.1-nano (60% of calls, 12-month net $49,087.00) → openai/gpt-4.1-mini (100% of calls, 12-month net $77,725.20)"],
            FlipDetector.Drivers(lastWeek, thisWeek));
    }

    [Fact]
    public void A_best_route_that_nets_noticeably_less_is_a_driver()
    {
        var before = WorkedExample2.Assess();
        var dearerMini = WorkedExample2.Mini with { InputPerMTok = 0.80m, CachedInputPerMTok = 0.20m, OutputPerMTok = 3.20m };
        var after = WorkedExample2.Assess(r => r with { Prices = new Prices.PriceBook([WorkedExample2.Gpt41, dearerMini, WorkedExample2.Nano, WorkedExample2.MiniFineTune]) });

        Assert.Equal("openai/gpt-4.1-mini", after.BestRoute);
        Assert.Contains(FlipDetector.Drivers(before, after), d => d.StartsWith("best route openai/gpt-4.1-mini 12-month net −", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_verdict_as_last_time_is_no_flip()
    {
        var before = WorkedExample.Assess();

        Assert.Null(WorkedExample.Assess(r => r with { Previous = before }).Flip);
    }

    [Fact]
    public void A_cheaper_alternative_that_meets_the_quality_target_is_a_qualifying_route_option_with_its_monthly_saving()
    {
        var haiku3 = WorkedExample.HaikuPrice with { Key = "anthropic/claude-3-haiku", Model = "claude-3-haiku", InputPerMTok = 0.25m, CachedInputPerMTok = 0.03m, OutputPerMTok = 1.25m };
        var weak = WorkedExample.HaikuPrice with { Key = "openai/gpt-4.1-nano", Model = "gpt-4.1-nano", InputPerMTok = 0.10m, CachedInputPerMTok = 0.025m, OutputPerMTok = 0.40m };
        var assessment = WorkedExample.Assess(r => (r with
        {
            Workload = r.Workload with
            {
                Alternatives =
                [
                    new AlternativeModel { Model = haiku3.Key, EvalScore = 95.5m },
                    new AlternativeModel { Model = weak.Key, EvalScore = 80m },
                    new AlternativeModel { Model = "openai/unpriced", EvalScore = 99m },
                ],
            },
        }).WithPrices(WorkedExample.HaikuPrice, haiku3, weak));

        var hint = Assert.Single(assessment.Options, o => o.Kind == OptionKind.Route && o.Qualifies);
        Assert.Equal("anthropic/claude-3-haiku", hint.Model);
        // b_alt = (400 × 0.25 + 400 × 0.03 + 10 × 1.25) / 1e6 = 0.0001245; saving = C × (0.00049 − 0.0001245)
        Assert.Equal(0.0001245m, hint.PerCallCost);
        Assert.Equal(Math.Round(9_200_000m * 30.4375m / 28m * (0.00049m - 0.0001245m), 2), hint.MonthlyNetSavings);
        Assert.Equal(["scores 80.0 < target 95.0"], assessment.Options.Single(o => o.Model == "openai/gpt-4.1-nano").Reasons);
        Assert.Contains("alternative openai/unpriced: no price in force, so it cannot be compared.", assessment.EvidenceGaps);
    }
}
