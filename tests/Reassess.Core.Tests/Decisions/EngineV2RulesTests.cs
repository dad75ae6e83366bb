using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

/// <summary>The rules version 2 added or changed, each on worked example 1 with one input moved.</summary>
public class EngineV2RulesTests
{
    [Fact]
    public void Without_a_pilot_score_the_fine_tune_is_prepared_not_started()
    {
        var assessment = WorkedExample.Assess(r => r.WithFineTune(f => f with { PilotEvalScore = null }));

        Assert.Equal(Verdict.PrepareFineTune, assessment.Verdict);
        Assert.Equal(["No pilot evaluation of the fine-tuned candidate: run a small pilot and score it on the eval suite."], assessment.ReadinessGaps);
    }

    [Fact]
    public void A_pilot_below_the_target_is_a_named_gap()
    {
        var assessment = WorkedExample.Assess(r => r.WithFineTune(f => f with { PilotEvalScore = 94.1m }));

        Assert.Equal(Verdict.PrepareFineTune, assessment.Verdict);
        Assert.StartsWith("Pilot scored 94.1 < target 95.0:", Assert.Single(assessment.ReadinessGaps));
    }

    [Fact]
    public void Scores_still_climbing_are_not_a_plateau()
    {
        // Within a 2-point range but rising 0.5 a week.
        var assessment = WorkedExample.Assess(r => r.WithWindow(w => w with { EvalScores = [90.0m, 90.5m, 91.0m, 91.5m] }));

        Assert.Equal(ThresholdStatus.NotMet, assessment.Thresholds.Quality.Status);
        Assert.Equal("Latest eval 91.5 < target 95.0 but still climbing (0.50 points a week > 0.25).", assessment.Thresholds.Quality.Evidence);
    }

    [Fact]
    public void Dated_scores_are_read_on_their_days()
    {
        // The same rise spread over twice the time is 0.25 a week: a plateau.
        var days = new[] { new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 29), new DateOnly(2026, 11, 12) };

        Assert.Equal(0.25m, Thresholds.WeeklySlope([90.0m, 90.5m, 91.0m, 91.5m], days));
        Assert.Equal(0.5m, Thresholds.WeeklySlope([90.0m, 90.5m, 91.0m, 91.5m], []));
    }

    [Fact]
    public void Gpus_are_resized_for_the_peak_hour_month_by_month_as_volume_grows()
    {
        var assessment = WorkedExample.Assess(r => r
            .WithFineTune(f => f with { PeakToAverage = 3m })
            .WithAssumptions(a => a with { MonthlyVolumeGrowth = 0.10m }));
        var model = new CostModel
        {
            BaselineCostPerCall = 0.00049m, CandidateCostPerCall = 0m, FixedMonthlyWithoutGpus = 300m, GpuHourly = 1.10m, MinimumGpus = 1,
            CallsPerGpuHour = 40_000, PeakToAverage = 3m, BuildCost = 30_000m, MonthlyRetrainCost = 4_000m / 6m, MonthlyVolumeGrowth = 0.10m,
        };

        // Month 1: 10.0M × 3 / (40,000 × 730.5) = 1.03 → 2 GPUs; month 7: 17.7M → 1.82 → 2; month 8: 19.49M → 2.0009 → 3.
        Assert.Equal(2, assessment.Economics.Gpus);
        Assert.Equal(Math.Round(2 * 1.10m * 730.5m + 300m, 2), assessment.Economics.MonthlyFixedCost);
        var volume = 10_000_892.86m;
        var gpus = Enumerable.Range(1, 12).Select(t => model.GpusFor(volume * (decimal)Math.Pow(1.10, t - 1))).ToList();
        Assert.Equal([2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3], gpus);
        var firstYear = model.MonthlySavings(volume, 1m, 12).ToList();
        Assert.Equal(Math.Round(volume * 0.00049m - (2 * 1.10m * 730.5m + 300m) - 4_000m / 6m, 2), Math.Round(firstYear[0], 2));
    }

    [Fact]
    public void Retraining_defaults_to_every_six_months_and_zero_means_never()
    {
        var byDefault = WorkedExample.Assess(r => r.WithFineTune(f => f with { RetrainEveryMonths = null }));
        var never = WorkedExample.Assess(r => r.WithFineTune(f => f with { RetrainEveryMonths = 0m }));

        Assert.Equal(666.67m, byDefault.Economics.MonthlyRetrainCost);
        Assert.Contains(byDefault.Inputs.Defaults, d => d.Name == "fineTune.retrainEveryMonths" && d.Value == "6");
        Assert.Equal(0m, never.Economics.MonthlyRetrainCost);
        Assert.DoesNotContain(never.Inputs.Defaults, d => d.Name.StartsWith("fineTune.retrain", StringComparison.Ordinal));
        Assert.Equal(3_796.89m, never.Economics.MonthlyNetSavings);
    }

    [Fact]
    public void Breakeven_calls_are_the_calls_made_until_payback_as_volume_grows()
    {
        var assessment = WorkedExample.Assess(r => r.WithAssumptions(a => a with { MonthlyVolumeGrowth = 0.05m }));
        var model = new CostModel
        {
            BaselineCostPerCall = 0.00049m, CandidateCostPerCall = 0m, FixedMonthlyWithoutGpus = 300m, GpuHourly = 1.10m, MinimumGpus = 1,
            CallsPerGpuHour = 40_000, PeakToAverage = 2m, BuildCost = 30_000m, MonthlyRetrainCost = 4_000m / 6m, MonthlyVolumeGrowth = 0.05m,
        };
        var payback = model.PaybackMonths(10_000_892.857142857142857142857m)!.Value;
        var whole = (int)Math.Floor(payback);
        var calls = Enumerable.Range(1, whole).Sum(t => 10_000_892.857142857142857142857m * (decimal)Math.Pow(1.05, t - 1))
                    + (payback - whole) * 10_000_892.857142857142857142857m * (decimal)Math.Pow(1.05, whole);

        Assert.Equal(Math.Round(payback, 3), assessment.Economics.PaybackMonths);
        Assert.InRange(assessment.Economics.BreakevenCalls!.Value, calls - 1m, calls + 1m);
        Assert.True(assessment.Economics.BreakevenCalls < 95_848_441m); // growing volume pays back sooner, in fewer calls
    }

    [Fact]
    public void A_verdict_a_small_move_would_change_is_fragile_and_one_far_from_it_is_not()
    {
        // At 9.0M calls a month the volume flip point (8.71M) is 3% away.
        var fragile = WorkedExample.Assess(r => r.WithWindow(w => w with { Calls = 8_280_000, UncachedInputTokens = 400L * 8_280_000, CachedInputTokens = 400L * 8_280_000, OutputTokens = 10L * 8_280_000 }));
        var robust = WorkedExample.Assess(r => r.WithWindow(w => w with { Calls = 18_400_000, UncachedInputTokens = 400L * 18_400_000, CachedInputTokens = 400L * 18_400_000, OutputTokens = 10L * 18_400_000 }));

        Assert.True(fragile.Sensitivity.Fragile);
        Assert.InRange(fragile.Sensitivity.Margin!.Value, 0.03m, 0.04m);
        Assert.False(robust.Sensitivity.Fragile);
        Assert.True(robust.Sensitivity.Margin > 0.10m);
    }
}
