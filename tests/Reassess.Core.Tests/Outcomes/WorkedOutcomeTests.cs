using Reassess.Core.Outcomes;
using Reassess.Core.Tests.Decisions;
using static Reassess.Core.Tests.Outcomes.OutcomeFixtures;

namespace Reassess.Core.Tests.Outcomes;

/// <summary>Acceptance 1 of "did it pay?", figure by figure, each worked by hand.</summary>
public class WorkedOutcomeTests
{
    private static readonly string Mini = WorkedExample2.Mini.Key, Gpt41 = WorkedExample2.Gpt41.Key, MiniFt = WorkedExample2.MiniFineTune.Key;

    [Fact]
    public void A_switch_that_saves_as_forecast_is_on_track_with_no_variance()
    {
        // gpt-4.1-mini: c = (2000·0.40 + 500·0.10 + 300·1.60)/1e6 = 0.00133; b = (2000·2 + 500·0.5 + 300·8)/1e6 = 0.00665.
        var outcome = Outcome(ForecastOf(DecisionAction.Route, Mini), Daily(Mini, 40_000, 2_000, 500, 300));

        // C_r = 40,000·28·30.4375/28 = 1,217,500; C_r·c = 1,619.275 → 1,619.28 (to even: 1,619.28); C_r·b = 8,096.375 → 8,096.38.
        Assert.Equal(1_217_500m, outcome.MonthlyCalls);
        Assert.Equal((1_619.28m, 8_096.38m), (outcome.MonthlyCost, outcome.CounterfactualMonthlyCost));
        // S_r = 1,217,500·0.00532 = 6,477.10 = S_f.
        Assert.Equal((6_477.10m, 6_477.10m), (outcome.MonthlyNetSavings, outcome.ForecastMonthlyNetSavings));
        Assert.Equal(new SavingsVariance(0m, 0m, 0m, 0m), outcome.Variance);
        // Migration 0 (K = 12·6,477.10 − 77,725.20): to date 28·40,000·0.00532 = 5,958.40.
        Assert.Equal((0m, "forecast", 5_958.40m), (outcome.BuildCost, outcome.BuildCostSource, outcome.SavingsToDate));
        Assert.Equal("on track", outcome.Verdict);
        Assert.Empty(outcome.EvidenceGaps);
    }

    [Fact]
    public void A_switch_that_has_covered_its_build_cost_says_in_which_month()
    {
        // 40,000·0.00532 = $212.80 a day; $1,000 is covered on the 5th day (1,064.00): month 1. To date 5,958.40 − 1,000.
        var outcome = Outcome(ForecastOf(DecisionAction.Route, Mini), Daily(Mini, 40_000, 2_000, 500, 300), actualBuildCost: 1_000m);

        Assert.Equal((1, 4_958.40m, "actual"), (outcome.PaybackMonth, outcome.SavingsToDate, outcome.BuildCostSource));
        Assert.Equal("paid back in month 1", outcome.Verdict);
    }

    [Fact]
    public void A_fine_tune_whose_volume_fell_30_percent_is_behind_on_volume()
    {
        // Fine-tune: c_f = (1000·0.40 + 250·0.10 + 300·1.60)/1e6 = 0.000905 (prompt halved), F_f = 1,741.85 + 1,075 = 2,816.85.
        // 28,000 calls a day instead of 40,000: C_r = 28,000·30.4375 = 852,250. Hosting 1.70·24·30.4375 = 1,241.85 and
        // the forecast's other 1,575.00 (operations, retraining): F_r = F_f.
        var outcome = Outcome(ForecastOf(DecisionAction.FineTune, MiniFt), Daily(MiniFt, 28_000, 1_000, 250, 300), actualBuildCost: 30_000m);

        // S_f = 1,217,500·(0.00665 − 0.000905) − 2,816.85 = 6,994.5375 − 2,816.85 = 4,177.6875 → 4,177.69
        // S_r = 852,250·0.005745 − 2,816.85 = 4,896.17625 − 2,816.85 = 2,079.32625 → 2,079.33
        Assert.Equal((852_250m, 2_079.33m, 4_177.69m), (outcome.MonthlyCalls, outcome.MonthlyNetSavings, outcome.ForecastMonthlyNetSavings));
        // volume = (852,250 − 1,217,500)·0.005745 = −2,098.36125 → −2,098.36 = 2,079.33 − 4,177.69.
        Assert.Equal(new SavingsVariance(-2_098.36m, 0m, 0m, 0m), outcome.Variance);
        Assert.Equal("behind: volume 30% under forecast", outcome.Verdict);
        Assert.Null(outcome.PaybackMonth);
    }

    [Fact]
    public void A_price_cut_on_the_old_baseline_erodes_a_switchs_savings_through_prices()
    {
        // gpt-4.1 halves from the decision day: b_r = 0.003325 while b* (the same tokens at the forecast's prices) = 0.00665.
        var cut = Gpt41HalvedFromDecisionDay;
        var outcome = Outcome(ForecastOf(DecisionAction.Route, Mini), Daily(Mini, 40_000, 2_000, 500, 300), prices: [.. PriceList, cut]);

        // S_r = 1,217,500·(0.003325 − 0.00133) = 2,428.9125 → 2,428.91; prices = 1,217,500·(0.003325 − 0.00665) = −4,048.1875 → −4,048.19
        Assert.Equal(2_428.91m, outcome.MonthlyNetSavings);
        Assert.Equal(new SavingsVariance(0m, 0m, -4_048.19m, 0m), outcome.Variance);
        // 4,048.1875 / 6,477.10 = 0.625.
        Assert.Equal("behind: prices took 62.5% of forecast savings", outcome.Verdict);
    }

    [Fact]
    public void Without_an_actual_build_cost_the_forecasts_is_used_and_the_outcome_says_so()
    {
        // Worked example 2's build: 15,000 + 300 + 4,000 + 12,000 = 31,300.
        var outcome = Outcome(ForecastOf(DecisionAction.FineTune, MiniFt), Daily(MiniFt, 40_000, 1_000, 250, 300));

        Assert.Equal((31_300m, "forecast"), (outcome.BuildCost, outcome.BuildCostSource));
        Assert.Contains(outcome.Assumptions, a => a.Contains("the forecast's $31,300.00 is used"));
        // Each day saves 40,000·0.005745 − 40.80 − 1,575/30.4375 = 229.80 − 40.80 − 51.7453799… ; 28 days: 3,843.129363… − 31,300.
        Assert.Equal(-27_456.87m, outcome.SavingsToDate);
        Assert.Equal("on track", outcome.Verdict);
    }

    [Fact]
    public void No_usage_of_the_new_model_yet_is_an_evidence_gap_not_a_saving()
    {
        var outcome = Outcome(ForecastOf(DecisionAction.Route, Mini), Daily(Gpt41, 40_000, 2_000, 500, 300));

        Assert.Null(outcome.MonthlyNetSavings);
        Assert.Null(outcome.SavingsToDate);
        Assert.Null(outcome.Variance);
        Assert.Equal("no evidence yet: no usage of openai/gpt-4.1-mini since 2026-11-24", outcome.Verdict);
        Assert.StartsWith("no usage of openai/gpt-4.1-mini since 2026-11-24", outcome.EvidenceGaps[0]);
    }
}
