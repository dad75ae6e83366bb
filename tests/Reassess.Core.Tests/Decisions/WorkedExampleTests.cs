using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

public class WorkedExampleTests
{
    private readonly Assessment _assessment = WorkedExample.Assess();

    [Fact]
    public void Monthly_calls_scale_the_window_to_an_average_month()
    {
        Assert.Equal(10_000_892.86m, _assessment.Economics.MonthlyCalls);
    }

    [Fact]
    public void Per_call_costs_match_the_design()
    {
        Assert.Equal(0.00049m, _assessment.Economics.BaselineCostPerCall);
        Assert.Equal(0m, _assessment.Economics.CandidateCostPerCall);
        Assert.Equal(0.00049m, _assessment.Economics.PerCallSavings);
    }

    [Fact]
    public void Fixed_costs_and_retraining_add_up_to_the_design_figure()
    {
        Assert.Equal(1_103.55m, _assessment.Economics.MonthlyFixedCost);
        Assert.Equal(666.67m, _assessment.Economics.MonthlyRetrainCost);
        Assert.Equal(1_770.22m, _assessment.Economics.CandidateMonthlyCost);
        Assert.Equal(1, _assessment.Economics.Gpus);
    }

    [Fact]
    public void First_month_savings_build_cost_and_breakeven_match_the_design()
    {
        Assert.Equal(3_130.22m, _assessment.Economics.MonthlyNetSavings);
        Assert.Equal(30_000m, _assessment.Economics.BuildCost);
        Assert.Equal(95_848_441m, _assessment.Economics.BreakevenCalls);
        Assert.Equal(3_612_687m, _assessment.Economics.MonthlyVolumeFloor);
    }

    [Fact]
    public void A_call_on_the_self_hosted_model_costs_its_share_of_gpus_and_retraining_not_nothing()
    {
        Assert.Equal(0.0001770059m, _assessment.Economics.AllInCandidateCostPerCall);
        Assert.Equal(0.0004944501m, _assessment.Economics.BaselineCostPerAcceptedOutcome);
        Assert.Equal(0.0001786134m, _assessment.Economics.CandidateCostPerAcceptedOutcome);
    }

    [Fact]
    public void Payback_and_horizon_net_match_the_design()
    {
        Assert.Equal(9.584m, _assessment.Economics.PaybackMonths);
        Assert.Equal(7_562.65m, _assessment.Economics.HorizonNet);
    }

    [Fact]
    public void Sensitivity_finds_both_flip_points_within_a_tenth_of_a_percent()
    {
        var flipCalls = _assessment.Sensitivity.FlipMonthlyCalls!.Value;
        var flipPrice = _assessment.Sensitivity.FlipBaselinePriceChangePct!.Value;

        Assert.InRange(flipCalls, 8_714_728m * 0.999m, 8_714_728m * 1.001m);
        // The price flip point is a factor of 0.8714; within 0.1% of that factor.
        Assert.InRange(flipPrice, -12.86m - 0.09m, -12.86m + 0.09m);
        Assert.InRange(_assessment.Sensitivity.Margin!.Value, 0.1286m - 0.001m, 0.1286m + 0.001m);
        Assert.False(_assessment.Sensitivity.Fragile);
    }

    [Fact]
    public void All_four_thresholds_are_met_and_the_verdict_is_fine_tune()
    {
        Assert.All(_assessment.Thresholds.Named(), t => Assert.Equal(ThresholdStatus.Met, t.Result.Status));
        Assert.Equal(Verdict.FineTune, _assessment.Verdict);
        Assert.Empty(_assessment.ReadinessGaps);
        Assert.Empty(_assessment.EvidenceGaps);
    }

    [Fact]
    public void Threshold_evidence_quotes_the_observed_figures()
    {
        Assert.Equal("Payback in 9.6 months ≤ 12 at 10.0M calls/month.", _assessment.Thresholds.Volume.Evidence);
        Assert.Equal("0.90% of 100,000 checked outputs broke the format (tolerance 0.50%).", _assessment.Thresholds.Format.Evidence);
        Assert.Equal("p95 640 ms > target 300 ms.", _assessment.Thresholds.Latency.Evidence);
        Assert.Equal("Latest eval 91.3 < target 95.0, plateaued (range 0.7 over 4 points ≤ 2.0, 0.02 points a week).", _assessment.Thresholds.Quality.Evidence);
    }

    [Fact]
    public void Inputs_record_the_prices_and_window_used()
    {
        var baseline = Assert.Single(_assessment.Inputs.Prices);
        Assert.Equal(("baseline", "anthropic/claude-haiku-4-5", "test"), (baseline.Role, baseline.Key, baseline.Source));
        Assert.Equal(new DateOnly(2026, 10, 26), _assessment.Inputs.Window.From);
        Assert.Equal(400m, _assessment.Inputs.Window.UncachedInputTokensPerCall);
        Assert.Equal("default", _assessment.Inputs.PriceDeclineSource);
    }
}
