using Reassess.Core.Decisions;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Decisions;

/// <summary>Worked example 1: a self-hosted 7B against a Haiku-class model over a 28-day window.</summary>
internal static class WorkedExample
{
    public static readonly DateTimeOffset AssessedAt = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static PriceRecord HaikuPrice => new()
    {
        Key = "anthropic/claude-haiku-4-5",
        Provider = "anthropic",
        Model = "claude-haiku-4-5",
        InputPerMTok = 1.00m,
        CachedInputPerMTok = 0.10m,
        OutputPerMTok = 5.00m,
        Source = "test",
    };

    public static Workload Workload => new()
    {
        Id = "ticket-triage",
        Name = "Ticket triage",
        Team = "support",
        CostCenter = "cc-100",
        Baseline = new BaselineSpec { Model = "anthropic/claude-haiku-4-5" },
        Targets = new TargetSpec
        {
            LatencyP95Ms = 300,
            QualityScore = 95,
            Format = new FormatTarget { Strict = true, Tolerance = 0.005m },
        },
        FineTune = new FineTuneSpec
        {
            Model = "self-hosted/llama-3.1-8b",
            GpuHourly = 1.10m,
            Gpus = 1,
            CallsPerGpuHour = 40_000,
            OpsMonthly = 300,
            DataPrepCost = 12_000,
            EvalCost = 3_000,
            EngineeringCost = 15_000,
            RetrainEveryMonths = 6,
            RetrainCost = 4_000,
            LabeledExamples = 5_000,
            HasEvalSuite = true,
            BaselineValidated = true,
            PilotEvalScore = 96.0m,
        },
    };

    public static UsageWindow Window => new()
    {
        Days = 28,
        From = new DateOnly(2026, 10, 26),
        To = new DateOnly(2026, 11, 22),
        Calls = 9_200_000,
        UncachedInputTokens = 400L * 9_200_000,
        CachedInputTokens = 400L * 9_200_000,
        OutputTokens = 10L * 9_200_000,
        LatencyP95Ms = 640,
        FormatChecked = 100_000,
        FormatViolations = 900,
        EvalScores = [91.0m, 91.6m, 90.9m, 91.3m],
        DaysWithUsage = 28,
    };

    public static AssessmentRequest Request => new()
    {
        Workload = Workload,
        Prices = new PriceBook([HaikuPrice]),
        Window = Window,
        AssessedAt = AssessedAt,
    };

    public static Assessment Assess(Func<AssessmentRequest, AssessmentRequest>? change = null) =>
        DecisionEngine.Assess(change is null ? Request : change(Request));

    public static AssessmentRequest WithFineTune(this AssessmentRequest request, Func<FineTuneSpec, FineTuneSpec> change) =>
        request with { Workload = request.Workload with { FineTune = change(request.Workload.FineTune) } };

    public static AssessmentRequest WithTargets(this AssessmentRequest request, Func<TargetSpec, TargetSpec> change) =>
        request with { Workload = request.Workload with { Targets = change(request.Workload.Targets) } };

    public static AssessmentRequest WithAssumptions(this AssessmentRequest request, Func<AssumptionSpec, AssumptionSpec> change) =>
        request with { Workload = request.Workload with { Assumptions = change(request.Workload.Assumptions) } };

    public static AssessmentRequest WithWindow(this AssessmentRequest request, Func<UsageWindow, UsageWindow> change) =>
        request with { Window = change(request.Window) };

    public static AssessmentRequest WithPrices(this AssessmentRequest request, params PriceRecord[] prices) =>
        request with { Prices = new PriceBook(prices) };
}
