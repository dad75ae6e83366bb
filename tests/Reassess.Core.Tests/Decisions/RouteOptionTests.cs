using Reassess.Core.Decisions;
using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Decisions;

/// <summary>Alternatives as options: which qualify, which wins, and how format retries change the winner.</summary>
public class RouteOptionTests
{
    private static Assessment With(params AlternativeModel[] alternatives) =>
        WorkedExample2.Assess(r => r with { Workload = r.Workload with { Alternatives = alternatives } });

    [Fact]
    public void A_partial_route_that_nets_more_than_the_switch_and_the_fine_tune_is_the_verdict()
    {
        // Half the calls to gpt-4.1-nano scores 97.5; a full switch to it only 96.
        var assessment = With(
            new AlternativeModel { Model = WorkedExample2.Nano.Key, EvalScore = 97.5m, Share = 0.5m },
            new AlternativeModel { Model = WorkedExample2.Nano.Key + "-switch", EvalScore = 96m });
        var half = With(new AlternativeModel { Model = WorkedExample2.Nano.Key, EvalScore = 97.5m, Share = 0.5m });

        // r₁ = 0.5 × 0.0003325 + 0.5 × 0.00665 = 0.00349125; R₁ = 1,217,500 × 0.00315875 = 3,845.78; 12 months: 46,149.34.
        var route = half.Options.Single(o => o.Kind == OptionKind.Route);
        Assert.Equal((0.00349125m, 3_845.78m, 46_149.34m), (route.PerCallCost, route.MonthlyNetSavings, route.HorizonNet));
        Assert.Equal(Verdict.Route, half.Verdict);
        Assert.Equal(WorkedExample2.Nano.Key, half.BestRoute);
        Assert.True(route.HorizonNet > half.Economics.HorizonNet);
        Assert.Contains("alternative openai/gpt-4.1-nano-switch: no price in force, so it cannot be compared.", assessment.EvidenceGaps);
    }

    [Fact]
    public void An_alternative_over_the_latency_target_or_the_format_tolerance_does_not_qualify_and_an_unstated_one_is_a_gap()
    {
        var assessment = With(
            new AlternativeModel { Model = WorkedExample2.Mini.Key, EvalScore = 97.2m, LatencyP95Ms = 4_500 },
            new AlternativeModel { Model = WorkedExample2.Nano.Key, EvalScore = 97.1m, FormatViolationRate = 0.02m, LatencyP95Ms = 900 });

        var mini = assessment.Options.Single(o => o.Model == WorkedExample2.Mini.Key);
        var nano = assessment.Options.Single(o => o.Model == WorkedExample2.Nano.Key);
        Assert.Equal((false, "p95 4500 ms > target 4000 ms"), (mini.Qualifies, Assert.Single(mini.Reasons)));
        Assert.Equal((false, "2.00% of outputs break the format > tolerance 1.00%"), (nano.Qualifies, Assert.Single(nano.Reasons)));
        Assert.Contains("alternative openai/gpt-4.1-mini: its format violation rate is not stated (tolerance 1.00%); the baseline's is assumed.", assessment.EvidenceGaps);
        Assert.Null(assessment.BestRoute);
        Assert.Equal(Verdict.FineTune, assessment.Verdict);
        Assert.Equal(ThresholdStatus.Met, assessment.Thresholds.Quality.Status);
    }

    [Fact]
    public void An_alternative_with_no_latency_figure_against_a_latency_target_qualifies_with_an_evidence_gap()
    {
        var assessment = With(new AlternativeModel { Model = WorkedExample2.Mini.Key, EvalScore = 97.2m, FormatViolationRate = 0.005m });

        Assert.True(assessment.Options.Single(o => o.Model == WorkedExample2.Mini.Key).Qualifies);
        Assert.Contains("alternative openai/gpt-4.1-mini: p95 latency served this way is not stated (target 4000 ms).", assessment.EvidenceGaps);
    }

    [Fact]
    public void A_cheaper_model_that_breaks_the_format_more_often_pays_for_its_retries_and_can_lose()
    {
        // Both reach the target; the cheaper per call (nano) breaks the format in 80% of outputs, so a baseline call's
        // worth of accepted outcomes takes q = 0.982 / 0.2 = 4.91 of its calls: $0.0016326 against mini's $0.0013179.
        var nano = new AlternativeModel { Model = WorkedExample2.Nano.Key, EvalScore = 97.5m, FormatViolationRate = 0.009m };
        var mini = new AlternativeModel { Model = WorkedExample2.Mini.Key, EvalScore = 97.2m, FormatViolationRate = 0.009m };
        var retried = nano with { FormatViolationRate = 0.8m };

        var both = With(nano, mini);
        var withRetries = WorkedExample2.Assess(r => r with
        {
            Workload = r.Workload with { Alternatives = [retried, mini], Targets = r.Workload.Targets with { Format = new FormatTarget { Strict = false } } },
        });

        Assert.Equal(WorkedExample2.Nano.Key, both.BestRoute);
        var nanoOption = withRetries.Options.Single(o => o.Model == WorkedExample2.Nano.Key);
        Assert.Equal(Math.Round(0.0003325m * 0.982m / 0.2m, 10), nanoOption.PerCallCost);
        Assert.Equal(Math.Round(0.0003325m / 0.2m, 10), nanoOption.CostPerAcceptedOutcome);
        Assert.Equal(WorkedExample2.Mini.Key, withRetries.BestRoute);
    }
}
