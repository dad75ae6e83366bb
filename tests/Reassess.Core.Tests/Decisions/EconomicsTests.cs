using Reassess.Core.Decisions;
using Reassess.Core.Prices;

namespace Reassess.Core.Tests.Decisions;

public class EconomicsTests
{
    private static PriceRecord FineTunedPrice(decimal input, decimal output) => new()
    {
        Key = "openai/ft:gpt-4.1-mini",
        Provider = "openai",
        Model = "ft:gpt-4.1-mini",
        InputPerMTok = input,
        OutputPerMTok = output,
        TrainingPerMTok = 5.00m,
        HostingPerHour = 1.70m,
        Source = "test",
    };

    private static AssessmentRequest ProviderHosted(PriceRecord candidate) =>
        WorkedExample.Request
            .WithPrices(WorkedExample.HaikuPrice, candidate)
            .WithFineTune(f => f with
            {
                Model = candidate.Key,
                GpuHourly = 0,
                Gpus = 0,
                CallsPerGpuHour = 0,
                OpsMonthly = 0,
                TrainingTokens = 2_000_000,
                Epochs = 3,
                PromptReduction = 0.5m,
                RetrainCost = null,
            });

    [Fact]
    public void Non_positive_savings_give_null_breakeven_floor_and_payback_without_crashing()
    {
        var assessment = DecisionEngine.Assess(ProviderHosted(FineTunedPrice(input: 5m, output: 25m)));

        Assert.True(assessment.Economics.PerCallSavings < 0);
        Assert.Null(assessment.Economics.BreakevenCalls);
        Assert.Null(assessment.Economics.MonthlyVolumeFloor);
        Assert.Null(assessment.Economics.PaybackMonths);
        Assert.Equal(ThresholdStatus.NotMet, assessment.Thresholds.Volume.Status);
        Assert.Equal("No payback within 120 months at 10.0M calls/month.", assessment.Thresholds.Volume.Evidence);
        Assert.True(assessment.Economics.HorizonNet < 0);
        Assert.Equal(Verdict.StayOnFrontier, assessment.Verdict);
    }

    [Fact]
    public void Provider_hosted_candidate_pays_per_call_on_a_shorter_prompt_plus_hosting_and_training()
    {
        var assessment = DecisionEngine.Assess(ProviderHosted(FineTunedPrice(input: 0.80m, output: 3.20m)));

        // Half the 800 input tokens go: 200 uncached + 200 cached at the fine-tune's input price (no cached price), 10 output.
        Assert.Equal((400m * 0.80m + 10m * 3.20m) / 1_000_000m, assessment.Economics.CandidateCostPerCall);
        // Training: 2M tokens × 3 epochs × $5/MTok = $30; build cost adds it to data, eval and engineering.
        Assert.Equal(30m, assessment.Economics.TrainingCost);
        Assert.Equal(30_030m, assessment.Economics.BuildCost);
        // Hosting $1.70/h from the price sheet, billed all month.
        Assert.Equal(1_241.85m, assessment.Economics.MonthlyFixedCost);
        // Retraining defaults to training + eval every 6 months.
        Assert.Equal(Math.Round((30m + 3_000m) / 6m, 2), assessment.Economics.MonthlyRetrainCost);
        Assert.Contains(assessment.Inputs.Prices, p => p.Role == "candidate" && p.Key == "openai/ft:gpt-4.1-mini");
    }

    [Fact]
    public void Self_hosted_gpus_are_sized_for_the_peak_hour()
    {
        var assessment = WorkedExample.Assess(r => r.WithFineTune(f => f with { CallsPerGpuHour = 5_000 }));

        // 10,000,892.86 calls × peak 2 (the default) / (5,000 × 730.5) = 5.48 → 6 GPUs.
        Assert.Equal(6, assessment.Economics.Gpus);
        Assert.Equal(Math.Round(6 * 1.10m * 730.5m + 300m, 2), assessment.Economics.MonthlyFixedCost);
        Assert.Contains(new DefaultApplied("fineTune.peakToAverage", "2", "default: the busiest hour twice the average"), assessment.Inputs.Defaults);
    }

    [Fact]
    public void Configured_gpus_are_a_floor_even_when_volume_needs_fewer()
    {
        var assessment = WorkedExample.Assess(r => r.WithFineTune(f => f with { Gpus = 2 }));

        Assert.Equal(2, assessment.Economics.Gpus);
    }

    [Fact]
    public void Batch_workload_pays_batch_prices_where_the_sheet_has_them()
    {
        var withBatch = WorkedExample.HaikuPrice with { BatchInputPerMTok = 0.50m, BatchOutputPerMTok = 2.50m };
        var assessment = WorkedExample.Assess(r => (r with
        {
            Workload = r.Workload with { Baseline = r.Workload.Baseline with { Batch = true } },
        }).WithPrices(withBatch));

        // 400 × 0.50 + 400 × 0.10 (cached price stays) + 10 × 2.50
        Assert.Equal(0.000265m, assessment.Economics.BaselineCostPerCall);
    }

    [Fact]
    public void Batch_workload_falls_back_to_standard_prices_when_the_sheet_has_no_batch_price()
    {
        var assessment = WorkedExample.Assess(r => r with
        {
            Workload = r.Workload with { Baseline = r.Workload.Baseline with { Batch = true } },
        });

        Assert.Equal(0.00049m, assessment.Economics.BaselineCostPerCall);
    }

    [Fact]
    public void Missing_cached_and_cache_write_prices_fall_back_to_the_input_price()
    {
        var noCachePrices = WorkedExample.HaikuPrice with { CachedInputPerMTok = null, CacheWritePerMTok = null };
        var assessment = WorkedExample.Assess(r => r
            .WithPrices(noCachePrices)
            .WithWindow(w => w with { CacheWriteTokens = 100L * w.Calls }));

        // 400 + 400 cached + 100 cache-write, all at the $1.00 input price, + 10 × $5 output.
        Assert.Equal(0.00095m, assessment.Economics.BaselineCostPerCall);
    }

    [Fact]
    public void Cache_write_tokens_use_the_cache_write_price_when_stated()
    {
        var assessment = WorkedExample.Assess(r => r
            .WithPrices(WorkedExample.HaikuPrice with { CacheWritePerMTok = 1.25m })
            .WithWindow(w => w with { CacheWriteTokens = 100L * w.Calls }));

        Assert.Equal(0.000615m, assessment.Economics.BaselineCostPerCall);
    }

    [Fact]
    public void Frontier_price_decline_can_stop_payback_even_when_the_first_month_saves()
    {
        var assessment = WorkedExample.Assess(r => r.WithAssumptions(a => a with { MonthlyPriceDecline = 0.10m }));

        Assert.Equal(3_130.22m, assessment.Economics.MonthlyNetSavings);
        Assert.Null(assessment.Economics.PaybackMonths);
        Assert.Equal(ThresholdStatus.NotMet, assessment.Thresholds.Volume.Status);
        Assert.True(assessment.Economics.HorizonNet < 0);
        Assert.Equal(Verdict.StayOnFrontier, assessment.Verdict);
        Assert.Equal("workload", assessment.Inputs.PriceDeclineSource);
    }

    [Fact]
    public void Decline_from_the_baselines_price_history_is_used_when_the_workload_sets_none()
    {
        var sixMonthsAgo = WorkedExample.HaikuPrice with { InputPerMTok = 1.25m, CachedInputPerMTok = 0.125m, OutputPerMTok = 6.25m, EffectiveFrom = WorkedExample.AssessedAt.AddDays(-182.625) };
        var now = WorkedExample.HaikuPrice with { EffectiveFrom = WorkedExample.AssessedAt.AddDays(-1) };

        var assessment = WorkedExample.Assess(r => r with { BaselinePriceHistory = [sixMonthsAgo, now] });

        // Every price 0.8 of six months before: 1 − 0.8^(1/6) = 3.65% a month.
        Assert.Equal(0.0365m, assessment.Economics.MonthlyPriceDecline);
        Assert.Equal("price-history", assessment.Inputs.PriceDeclineSource);
        Assert.True(assessment.Economics.PaybackMonths > 9.584m);
        var recorded = Assert.Single(assessment.Inputs.Defaults, d => d.Name == "assumptions.monthlyPriceDecline");
        Assert.StartsWith("price history: the workload's cost per call 612.5 → 490 $ per 1M calls over 6.0 months", recorded.Source);
    }

    [Fact]
    public void Volume_growth_shortens_payback()
    {
        var assessment = WorkedExample.Assess(r => r.WithAssumptions(a => a with { MonthlyVolumeGrowth = 0.05m }));

        Assert.True(assessment.Economics.PaybackMonths < 9.584m);
        Assert.True(assessment.Economics.HorizonNet > 7_562.65m);
    }

    [Fact]
    public void A_missing_baseline_price_says_which_key_to_add()
    {
        var error = Assert.Throws<AssessmentException>(() => WorkedExample.Assess(r => r.WithPrices()));

        Assert.Equal("ticket-triage", error.WorkloadId);
        Assert.Contains("'anthropic/claude-haiku-4-5'", error.Message);
        Assert.Contains("overrides sheet", error.Message);
    }

    [Fact]
    public void Training_tokens_without_a_training_price_are_refused_rather_than_costed_at_zero()
    {
        var error = Assert.Throws<AssessmentException>(() =>
            WorkedExample.Assess(r => r.WithFineTune(f => f with { TrainingTokens = 1_000_000 })));

        Assert.Contains("trainingPerMTok", error.Message);
    }
}
