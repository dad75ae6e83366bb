using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

/// <summary>Worked example 2 figure by figure: the fine-tune pays, three thresholds hold, and switching still wins.</summary>
public class WorkedExample2Tests
{
    private readonly Assessment _assessment = WorkedExample2.Assess();

    private OptionSummary Option(string model) => _assessment.Options.Single(o => o.Model == model);

    [Fact]
    public void The_fine_tunes_economics_match_the_design()
    {
        var e = _assessment.Economics;
        Assert.Equal(1_217_500m, e.MonthlyCalls);
        Assert.Equal((0.00665m, 0.000905m), (e.BaselineCostPerCall, e.CandidateCostPerCall));
        Assert.Equal((300m, 31_300m), (e.TrainingCost, e.BuildCost));
        Assert.Equal((1_741.85m, 1_075.00m), (e.MonthlyFixedCost, e.MonthlyRetrainCost));
        Assert.Equal((3_918.69m, 4_177.69m), (e.CandidateMonthlyCost, e.MonthlyNetSavings));
        Assert.Equal((7.492m, 9_121_733m, 18_832.25m), (e.PaybackMonths, e.BreakevenCalls, e.HorizonNet));
    }

    [Fact]
    public void The_fine_tunes_sensitivity_matches_the_design_within_a_tenth_of_a_percent()
    {
        Assert.InRange(_assessment.Sensitivity.FlipMonthlyCalls!.Value, 944_331m * 0.999m, 944_331m * 1.001m);
        Assert.InRange(_assessment.Sensitivity.FlipBaselinePriceChangePct!.Value, -19.38m - 0.09m, -19.38m + 0.09m);
    }

    [Fact]
    public void The_switch_to_gpt_41_mini_nets_the_most_and_pays_back_at_once()
    {
        var mini = Option("openai/gpt-4.1-mini");

        Assert.True(mini.Qualifies);
        Assert.Equal((0.00133m, 6_477.10m, 77_725.20m, 0m), (mini.PerCallCost, mini.MonthlyNetSavings, mini.HorizonNet, mini.PaybackMonths));
        Assert.Equal(0.0013543788m, mini.CostPerAcceptedOutcome);
    }

    [Fact]
    public void Routing_60_percent_to_gpt_41_nano_pays_its_migration_in_about_five_weeks()
    {
        var nano = Option("openai/gpt-4.1-nano");

        Assert.True(nano.Qualifies);
        Assert.Equal(0.6m, nano.Share);
        Assert.Equal((0.0028795m, 4_590.58m, 49_087.00m, 1.307m), (nano.PerCallCost, nano.MonthlyNetSavings, nano.HorizonNet, nano.PaybackMonths));
    }

    [Fact]
    public void Quality_is_not_met_because_gpt_41_mini_already_reaches_the_target_for_less()
    {
        Assert.Equal([ThresholdStatus.Met, ThresholdStatus.Met, ThresholdStatus.Met, ThresholdStatus.NotMet],
            _assessment.Thresholds.Named().Select(t => t.Result.Status));
        Assert.Equal("openai/gpt-4.1-mini already scores 97.2 ≥ target 97.0 at $0.00133 a call, no more than the baseline's.", _assessment.Thresholds.Quality.Evidence);
    }

    [Fact]
    public void The_verdict_is_route_to_gpt_41_mini_though_the_fine_tune_would_pay()
    {
        Assert.Equal(Verdict.Route, _assessment.Verdict);
        Assert.Equal("openai/gpt-4.1-mini", _assessment.BestRoute);
        Assert.Empty(_assessment.ReadinessGaps);
        var fineTune = Option("azure/gpt-4.1-mini-ft");
        Assert.True(fineTune.Qualifies);
        Assert.Equal(18_832.25m, fineTune.HorizonNet);
    }

    [Fact]
    public void Options_list_staying_each_alternative_and_the_fine_tune()
    {
        Assert.Equal(
            [(OptionKind.Stay, "openai/gpt-4.1"), (OptionKind.Route, "openai/gpt-4.1-mini"), (OptionKind.Route, "openai/gpt-4.1-nano"), (OptionKind.FineTune, "azure/gpt-4.1-mini-ft")],
            _assessment.Options.Select(o => (o.Kind, o.Model)));
        var stay = Option("openai/gpt-4.1");
        Assert.Equal((0.00665m, 8_096.38m), (stay.PerCallCost, stay.MonthlyCost));
    }
}
