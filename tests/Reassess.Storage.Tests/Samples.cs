using Reassess.Core.Decisions;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Storage.Tests;

/// <summary>Small, realistic domain values for the store tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset March1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static Workload Workload(string id = "support-triage", string team = "support") => new()
    {
        Id = id,
        Name = "Support ticket triage",
        Team = team,
        CostCenter = "CC-1042",
        Baseline = new BaselineSpec { Model = "anthropic/claude-haiku-4.5" },
        Usage = new UsageSpec { Match = [new UsageMatch { Source = "anthropic", Dimension = "workspace_id", Value = "wrkspc_01" }] },
        Targets = new TargetSpec { LatencyP95Ms = 300m, QualityScore = 95m, Format = new FormatTarget { Strict = true, Tolerance = 0.005m } },
        FineTune = new FineTuneSpec
        {
            Model = "selfhosted/llama-3-8b-ft", GpuHourly = 1.10m, Gpus = 1, CallsPerGpuHour = 40_000m, OpsMonthly = 300m,
            DataPrepCost = 12_000m, EvalCost = 3_000m, EngineeringCost = 15_000m, RetrainEveryMonths = 6m, RetrainCost = 4_000m,
            LabeledExamples = 25_000, HasEvalSuite = true, BaselineValidated = true,
        },
        Alternatives = [new AlternativeModel { Model = "openrouter/meta-llama/llama-3.1-70b", EvalScore = 93.5m }],
    };

    public static PriceRecord Price(
        string key = "openai/gpt-4o", decimal input = 2.50m, decimal output = 10.00m, DateTimeOffset? effectiveFrom = null, string source = "litellm")
    {
        PriceKey.TryParse(key, out var provider, out var model);
        return new PriceRecord
        {
            Key = key,
            Provider = provider,
            Model = model,
            InputPerMTok = input,
            CachedInputPerMTok = input / 2,
            OutputPerMTok = output,
            Source = source,
            EffectiveFrom = effectiveFrom ?? March1,
            FetchedAt = new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero),
        };
    }

    public static DailyUsage Usage(DateOnly day, string model = "openai/gpt-4o", string source = "openai", long calls = 1_000, string workload = "support-triage") => new()
    {
        WorkloadId = workload,
        Day = day,
        Source = source,
        Model = model,
        Calls = calls,
        UncachedInputTokens = calls * 400,
        CachedInputTokens = calls * 400,
        OutputTokens = calls * 10,
        LatencyP95Ms = 640.25m,
        FormatChecked = 500,
        FormatViolations = 4,
    };

    public static Assessment Assessment(string workloadId, DateTimeOffset assessedAt, Verdict verdict = Verdict.StayOnFrontier, decimal monthlyCalls = 10_000_892.86m) => new()
    {
        WorkloadId = workloadId,
        WorkloadName = "Support ticket triage",
        Team = "support",
        CostCenter = "CC-1042",
        AssessedAt = assessedAt,
        Verdict = verdict,
        Thresholds = new ThresholdSet(
            new ThresholdResult(ThresholdStatus.Met, "payback 9.6 months ≤ 12"),
            new ThresholdResult(ThresholdStatus.Met, "0.9% violations > 0.5%"),
            new ThresholdResult(ThresholdStatus.NotMet, "p95 280 ms ≤ 300 ms"),
            new ThresholdResult(ThresholdStatus.Unknown, "3 eval points, 4 needed")),
        Economics = new Economics
        {
            MonthlyCalls = monthlyCalls,
            BaselineCostPerCall = 0.00049m,
            BaselineMonthlyCost = 4_900.44m,
            BuildCost = 30_000m,
            PaybackMonths = 9.584m,
            HorizonNet = 7_562.65m,
        },
        Sensitivity = new Sensitivity(8_714_728m, -12.86m),
        Inputs = new AssessmentInputs { Window = new WindowInput { Days = 28, Calls = 9_200_000 } },
    };
}
