using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

public class ThresholdTests
{
    [Fact]
    public void Volume_is_unknown_without_usage_and_listed_as_an_evidence_gap()
    {
        var assessment = WorkedExample.Assess(r => r.WithWindow(w => w with
        {
            Calls = 0, UncachedInputTokens = 0, CachedInputTokens = 0, OutputTokens = 0, DaysWithUsage = 0,
        }));

        Assert.Equal(ThresholdStatus.Unknown, assessment.Thresholds.Volume.Status);
        Assert.Equal("No calls recorded in the 28-day window 2026-10-26…2026-11-22.", assessment.Thresholds.Volume.Evidence);
        Assert.Contains(assessment.EvidenceGaps, g => g.StartsWith("volume:"));
        Assert.Null(assessment.Sensitivity.FlipMonthlyCalls);
    }

    [Fact]
    public void Format_is_not_met_when_the_format_is_not_strict()
    {
        var result = WorkedExample.Assess(r => r.WithTargets(t => t with { Format = t.Format with { Strict = false } })).Thresholds.Format;

        Assert.Equal(new ThresholdResult(ThresholdStatus.NotMet, "Output format is not strict."), result);
    }

    [Fact]
    public void Format_is_unknown_when_strict_but_nothing_was_checked()
    {
        var result = WorkedExample.Assess(r => r.WithWindow(w => w with { FormatChecked = 0, FormatViolations = 0 })).Thresholds.Format;

        Assert.Equal(ThresholdStatus.Unknown, result.Status);
    }

    [Fact]
    public void Format_is_not_met_when_violations_stay_within_tolerance()
    {
        var result = WorkedExample.Assess(r => r.WithWindow(w => w with { FormatViolations = 500 })).Thresholds.Format;

        Assert.Equal(ThresholdStatus.NotMet, result.Status);
        Assert.Equal("0.50% of 100,000 checked outputs broke the format, within tolerance 0.50%.", result.Evidence);
    }

    [Fact]
    public void Latency_is_not_met_without_a_target()
    {
        var result = WorkedExample.Assess(r => r.WithTargets(t => t with { LatencyP95Ms = null })).Thresholds.Latency;

        Assert.Equal(new ThresholdResult(ThresholdStatus.NotMet, "No latency target."), result);
    }

    [Fact]
    public void Latency_is_unknown_without_measurements()
    {
        var result = WorkedExample.Assess(r => r.WithWindow(w => w with { LatencyP95Ms = null })).Thresholds.Latency;

        Assert.Equal(ThresholdStatus.Unknown, result.Status);
    }

    [Fact]
    public void Latency_is_not_met_when_the_baseline_is_fast_enough()
    {
        var result = WorkedExample.Assess(r => r.WithWindow(w => w with { LatencyP95Ms = 280 })).Thresholds.Latency;

        Assert.Equal(new ThresholdResult(ThresholdStatus.NotMet, "p95 280 ms ≤ target 300 ms."), result);
    }

    [Fact]
    public void Quality_is_not_met_without_a_target()
    {
        var result = WorkedExample.Assess(r => r.WithTargets(t => t with { QualityScore = null })).Thresholds.Quality;

        Assert.Equal(new ThresholdResult(ThresholdStatus.NotMet, "No quality target."), result);
    }

    [Fact]
    public void Quality_is_unknown_with_fewer_than_four_eval_points()
    {
        var result = WorkedExample.Assess(r => r.WithWindow(w => w with { EvalScores = [91.0m, 91.6m, 90.9m] })).Thresholds.Quality;

        Assert.Equal(ThresholdStatus.Unknown, result.Status);
        Assert.Equal("3 eval point(s) in the last 8 weeks; 4 needed to judge a plateau.", result.Evidence);
    }

    [Fact]
    public void Quality_is_not_met_while_scores_are_still_moving()
    {
        var result = WorkedExample.Assess(r => r.WithWindow(w => w with { EvalScores = [88.0m, 89.5m, 91.0m, 92.4m] })).Thresholds.Quality;

        Assert.Equal(ThresholdStatus.NotMet, result.Status);
        Assert.Contains("still moving", result.Evidence);
    }

    [Fact]
    public void Quality_is_not_met_when_the_latest_score_reaches_the_target()
    {
        var result = WorkedExample.Assess(r => r.WithWindow(w => w with { EvalScores = [94.0m, 94.5m, 95.2m, 95.0m] })).Thresholds.Quality;

        Assert.Equal(new ThresholdResult(ThresholdStatus.NotMet, "Latest eval 95.0 ≥ target 95.0."), result);
    }

    [Fact]
    public void Days_without_a_call_count_are_an_evidence_gap_not_zero_calls()
    {
        var assessment = WorkedExample.Assess(r => r.WithWindow(w => w with { DaysWithoutCallCount = 3 }));

        Assert.Equal(3, assessment.Inputs.Window.DaysWithoutCallCount);
        Assert.Contains(assessment.EvidenceGaps, g => g.StartsWith("volume: 3 day(s) in the window have tokens but no call count"));
    }
}
