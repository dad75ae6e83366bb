using Reassess.Core.Decisions;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Decisions;

/// <summary>
/// Worked example 2: a gpt-4.1 workload whose provider-hosted fine-tune pays, but a switch to gpt-4.1-mini (and a 60%
/// route to gpt-4.1-nano) already meets the target for less.
/// </summary>
internal static class WorkedExample2
{
    public static readonly DateTimeOffset AssessedAt = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static PriceRecord Price(string key, decimal input, decimal cached, decimal output) => new()
    {
        Key = key, Provider = key.Split('/')[0], Model = key.Split('/')[1],
        InputPerMTok = input, CachedInputPerMTok = cached, OutputPerMTok = output, Source = "test",
    };

    public static readonly PriceRecord Gpt41 = Price("openai/gpt-4.1", 2.00m, 0.50m, 8.00m);
    public static readonly PriceRecord Mini = Price("openai/gpt-4.1-mini", 0.40m, 0.10m, 1.60m);
    public static readonly PriceRecord Nano = Price("openai/gpt-4.1-nano", 0.10m, 0.025m, 0.40m);
    public static readonly PriceRecord MiniFineTune = Price("azure/gpt-4.1-mini-ft", 0.40m, 0.10m, 1.60m) with { TrainingPerMTok = 5.00m, HostingPerHour = 1.70m };

    public static Workload Workload => new()
    {
        Id = "invoice-extraction",
        Name = "Invoice extraction",
        Team = "finance-ops",
        CostCenter = "cc-200",
        Baseline = new BaselineSpec { Model = Gpt41.Key },
        Targets = new TargetSpec
        {
            LatencyP95Ms = 4_000,
            QualityScore = 97,
            Format = new FormatTarget { Strict = true, Tolerance = 0.01m },
        },
        FineTune = new FineTuneSpec
        {
            Model = MiniFineTune.Key,
            TrainingTokens = 20_000_000,
            Epochs = 3,
            PromptReduction = 0.5m,
            DataPrepCost = 15_000,
            EvalCost = 4_000,
            EngineeringCost = 12_000,
            OpsMonthly = 500,
            RetrainEveryMonths = 4,
            LabeledExamples = 6_000,
            HasEvalSuite = true,
            BaselineValidated = true,
            PilotEvalScore = 97.6m,
        },
        Alternatives =
        [
            new AlternativeModel { Model = Mini.Key, EvalScore = 97.2m },
            new AlternativeModel { Model = Nano.Key, EvalScore = 97.1m, Share = 0.6m, RouterCostPerCall = 0.00002m, MigrationCost = 6_000 },
        ],
    };

    public static UsageWindow Window => new()
    {
        Days = 28,
        Calls = 1_120_000,
        UncachedInputTokens = 2_000L * 1_120_000,
        CachedInputTokens = 500L * 1_120_000,
        OutputTokens = 300L * 1_120_000,
        LatencyP95Ms = 5_200,
        FormatChecked = 1_120_000,
        FormatViolations = 20_160,
        EvalScores = [95.1m, 95.4m, 95.2m, 95.3m],
        DaysWithUsage = 28,
    };

    public static AssessmentRequest Request => new()
    {
        Workload = Workload,
        Prices = new PriceBook([Gpt41, Mini, Nano, MiniFineTune]),
        Window = Window,
        AssessedAt = AssessedAt,
    };

    public static Assessment Assess(Func<AssessmentRequest, AssessmentRequest>? change = null) =>
        DecisionEngine.Assess(change is null ? Request : change(Request));
}
