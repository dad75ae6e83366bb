using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

public class VerdictTests
{
    private static ThresholdResult Met => new(ThresholdStatus.Met, "");
    private static ThresholdResult NotMet => new(ThresholdStatus.NotMet, "");
    private static ThresholdResult Unknown => new(ThresholdStatus.Unknown, "");

    [Fact]
    public void Verdict_is_fine_tune_when_two_thresholds_hold_and_horizon_is_positive()
    {
        Assert.Equal(Verdict.FineTune, DecisionEngine.VerdictFor(new ThresholdSet(Met, NotMet, Met, Unknown), 1m, []));
    }

    [Fact]
    public void Verdict_stays_on_frontier_with_one_threshold()
    {
        Assert.Equal(Verdict.StayOnFrontier, DecisionEngine.VerdictFor(new ThresholdSet(Met, NotMet, Unknown, Unknown), 1_000m, []));
    }

    [Fact]
    public void Verdict_stays_on_frontier_when_the_horizon_does_not_pay()
    {
        Assert.Equal(Verdict.StayOnFrontier, DecisionEngine.VerdictFor(new ThresholdSet(Met, Met, Met, Met), 0m, []));
    }

    [Fact]
    public void Readiness_gaps_turn_a_fine_tune_into_prepare_fine_tune()
    {
        var assessment = WorkedExample.Assess(r => r.WithFineTune(f => f with
        {
            LabeledExamples = 420, HasEvalSuite = false, BaselineValidated = false,
        }));

        Assert.Equal(Verdict.PrepareFineTune, assessment.Verdict);
        Assert.Equal(
            [
                "Only 420 labeled examples; at least 1,000 needed.",
                "No evaluation suite to compare the fine-tune against the baseline.",
                "Baseline not validated: measure the prompted model on the eval suite first.",
            ],
            assessment.ReadinessGaps);
    }
}
