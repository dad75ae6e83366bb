using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Core.Trends;

namespace Reassess.Core.Tests.Reporting;

/// <summary>
/// Hand-built assessments: one per verdict, flips (one of them fragile), one with no payback and no sensitivity, a
/// Route with a switch, a partial route and a disqualified alternative among its options. The figures of the worked
/// examples are the engine's.
/// </summary>
internal static class ReportFixtures
{
    public static readonly IsoWeek Week = new(2026, 48);
    public static readonly DateTimeOffset AsOf = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    public const string HostileName = "<script>alert('x')</script>";

    private static WindowInput Window(long calls) => new()
    {
        From = new DateOnly(2026, 10, 26),
        To = new DateOnly(2026, 11, 22),
        Days = 28,
        DaysWithUsage = 28,
        Calls = calls,
        UncachedInputTokensPerCall = 400,
        CachedInputTokensPerCall = 400,
        OutputTokensPerCall = 10,
        Sources = ["azure-monitor", "openai-usage"],
    };

    private static readonly DateTimeOffset PriceDate = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Worked example 1 (Decisions/WorkedExample.cs): FineTune, flipped from StayOnFrontier this week.</summary>
    public static Assessment FineTuneWithFlip() => new()
    {
        WorkloadId = "support-triage",
        WorkloadName = "Support triage",
        Team = "search",
        CostCenter = "CC-100",
        AssessedAt = AsOf,
        Verdict = Verdict.FineTune,
        Thresholds = new ThresholdSet(
            new ThresholdResult(ThresholdStatus.Met, "payback 9.6 months <= 12"),
            new ThresholdResult(ThresholdStatus.Met, "0.9% violations > 0.5% tolerance"),
            new ThresholdResult(ThresholdStatus.Met, "p95 640 ms > 300 ms target"),
            new ThresholdResult(ThresholdStatus.Met, "4 evals, latest 91.3 < 95, spread 0.7")),
        Economics = new Economics
        {
            MonthlyCalls = 10_000_892.86m,
            BaselineCostPerCall = 0.00049m,
            CandidateCostPerCall = 0m,
            AllInCandidateCostPerCall = 0.0001770059m,
            PerCallSavings = 0.00049m,
            BaselineCostPerAcceptedOutcome = 0.0004944501m,
            CandidateCostPerAcceptedOutcome = 0.0001786134m,
            BaselineMonthlyCost = 4_900.44m,
            CandidateMonthlyCost = 1_770.22m,
            MonthlyNetSavings = 3_130.22m,
            BuildCost = 30_000m,
            MonthlyFixedCost = 1_103.55m,
            MonthlyRetrainCost = 666.67m,
            Gpus = 1,
            BreakevenCalls = 95_848_441m,
            MonthlyVolumeFloor = 3_612_687m,
            PaybackMonths = 9.584m,
            HorizonNet = 7_562.65m,
            HorizonMonths = 12,
        },
        Sensitivity = new Sensitivity(8_714_728m, -12.86m) { Margin = 0.1286m },
        Options =
        [
            new OptionSummary
            {
                Kind = OptionKind.Stay, Model = "azure/gpt-4o-mini", Qualifies = true, PerCallCost = 0.00049m,
                CostPerAcceptedOutcome = 0.0004944501m, MonthlyCost = 4_900.44m, MonthlyNetSavings = 0m, HorizonNet = 0m,
            },
            new OptionSummary
            {
                Kind = OptionKind.FineTune, Model = "self/llama-7b", Qualifies = true, PerCallCost = 0.0001770059m,
                CostPerAcceptedOutcome = 0.0001786134m, MonthlyCost = 1_770.22m, MonthlyNetSavings = 3_130.22m, HorizonNet = 7_562.65m, PaybackMonths = 9.584m,
            },
        ],
        Scenarios = new Scenarios
        {
            MaxPaybackMonths = 12,
            PaybackByVolume =
            [
                new PaybackPoint(2_000_000m, null), new PaybackPoint(5_000_000m, 31.2m), new PaybackPoint(8_714_728m, 12m),
                new PaybackPoint(10_000_893m, 9.584m), new PaybackPoint(15_000_000m, 5.6m), new PaybackPoint(20_000_000m, 3.9m),
            ],
            SwingPct = 25,
            HorizonNetSwings =
            [
                new HorizonNetSwing("Monthly volume", -7_138.62m, 22_263.92m),
                new HorizonNetSwing("Frontier price", -7_138.62m, 22_263.92m),
                new HorizonNetSwing("Build cost", 15_062.65m, 62.65m),
                new HorizonNetSwing("Hosting and operations", 11_873.65m, 3_251.65m),
                new HorizonNetSwing("Retraining", 9_562.65m, 5_562.65m),
            ],
        },
        Flip = new Flip(Verdict.StayOnFrontier, AsOf.AddDays(-7),
            ["volume threshold now met: payback 9.6 months (was 13.1)", "frontier price +0.0%", "volume +8.7%"]),
        Inputs = new AssessmentInputs
        {
            Prices =
            [
                new PriceInput("baseline", "azure/gpt-4o-mini", PriceDate, "azure-retail"),
                new PriceInput("candidate", "self/llama-7b", PriceDate, "overrides"),
            ],
            Window = Window(9_200_000),
            Defaults = WorkedExample1Defaults,
        },
    };

    private static readonly IReadOnlyList<DefaultApplied> WorkedExample1Defaults =
    [
        new("assumptions.monthlyPriceDecline", "0", "default 0: no price history was given"),
        new("fineTune.expectedFormatViolationRate", "0.90%", "the baseline's measured rate"),
        new("fineTune.peakToAverage", "2", "default: the busiest hour twice the average"),
    ];

    /// <summary>
    /// Worked example 1 at 8.4M calls in the window: the fine-tune still pays back within 12 months, but 4.6% less
    /// volume (or a 4.56% cheaper frontier price) would change that: a fragile FineTune, flipped from StayOnFrontier.
    /// </summary>
    public static Assessment FragileFineTune() => new()
    {
        WorkloadId = "clause-tagging",
        WorkloadName = "Clause tagging",
        Team = "legal",
        CostCenter = "CC-300",
        AssessedAt = AsOf,
        Verdict = Verdict.FineTune,
        Thresholds = new ThresholdSet(
            new ThresholdResult(ThresholdStatus.Met, "Payback in 11.1 months \u2264 12 at 9.1M calls/month."),
            new ThresholdResult(ThresholdStatus.Met, "0.90% of 100,000 checked outputs broke the format (tolerance 0.50%)."),
            new ThresholdResult(ThresholdStatus.Met, "p95 640 ms > target 300 ms."),
            new ThresholdResult(ThresholdStatus.Met, "Latest eval 91.3 < target 95.0, plateaued (range 0.7 over 4 points \u2264 2.0, 0.02 points a week).")),
        Economics = new Economics
        {
            MonthlyCalls = 9_131_250m,
            BaselineCostPerCall = 0.00049m,
            CandidateCostPerCall = 0m,
            AllInCandidateCostPerCall = 0.0001938636m,
            PerCallSavings = 0.00049m,
            BaselineCostPerAcceptedOutcome = 0.0004944501m,
            CandidateCostPerAcceptedOutcome = 0.0001956242m,
            BaselineMonthlyCost = 4_474.31m,
            CandidateMonthlyCost = 1_770.22m,
            MonthlyNetSavings = 2_704.10m,
            BuildCost = 30_000m,
            MonthlyFixedCost = 1_103.55m,
            MonthlyRetrainCost = 666.67m,
            Gpus = 1,
            BreakevenCalls = 101_304_657m,
            MonthlyVolumeFloor = 3_612_687m,
            PaybackMonths = 11.094m,
            HorizonNet = 2_449.15m,
            HorizonMonths = 12,
        },
        Sensitivity = new Sensitivity(8_714_728m, -4.56m) { Margin = 0.0456m, Fragile = true },
        Options =
        [
            new OptionSummary
            {
                Kind = OptionKind.Stay, Model = "anthropic/claude-haiku-4-5", Qualifies = true, PerCallCost = 0.00049m,
                CostPerAcceptedOutcome = 0.0004944501m, MonthlyCost = 4_474.31m, MonthlyNetSavings = 0m, HorizonNet = 0m,
            },
            new OptionSummary
            {
                Kind = OptionKind.FineTune, Model = "self-hosted/llama-3.1-8b", Qualifies = true, PerCallCost = 0.0001938636m,
                CostPerAcceptedOutcome = 0.0001956242m, MonthlyCost = 1_770.22m, MonthlyNetSavings = 2_704.10m, HorizonNet = 2_449.15m, PaybackMonths = 11.094m,
            },
        ],
        Flip = new Flip(Verdict.StayOnFrontier, AsOf.AddDays(-7),
            ["volume threshold NotMet \u2192 Met: Payback in 11.1 months \u2264 12 at 9.1M calls/month.", "monthly calls +9.6% (8.3M \u2192 9.1M)"]),
        Inputs = new AssessmentInputs
        {
            Prices =
            [
                new PriceInput("baseline", "anthropic/claude-haiku-4-5", PriceDate, "genai-prices"),
                new PriceInput("candidate", "self-hosted/llama-3.1-8b", PriceDate, "overrides"),
            ],
            Window = Window(8_400_000) with { LatencyP95Ms = 640, FormatChecked = 100_000, FormatViolations = 900 },
            Defaults = WorkedExample1Defaults,
        },
    };

    /// <summary>
    /// Worked example 2 with a third alternative: a switch to gpt-4.1-mini (chosen), 60% routed to gpt-4.1-nano, and a
    /// full switch to gpt-4.1-nano that misses the quality target. The fine-tune pays, but the switch returns more: Route,
    /// flipped from StayOnFrontier.
    /// </summary>
    public static Assessment RouteWithFlip() => new()
    {
        WorkloadId = "contract-review",
        WorkloadName = "Contract review",
        Team = "legal",
        CostCenter = "CC-300",
        AssessedAt = AsOf,
        Verdict = Verdict.Route,
        BestRoute = "openai/gpt-4.1-mini",
        Thresholds = new ThresholdSet(
            new ThresholdResult(ThresholdStatus.Met, "Payback in 7.5 months \u2264 12 at 1.2M calls/month."),
            new ThresholdResult(ThresholdStatus.Met, "1.80% of 1,120,000 checked outputs broke the format (tolerance 1.00%)."),
            new ThresholdResult(ThresholdStatus.Met, "p95 5200 ms > target 4000 ms."),
            new ThresholdResult(ThresholdStatus.NotMet, "openai/gpt-4.1-mini already scores 97.2 \u2265 target 97.0 at $0.00133 a call, no more than the baseline's.")),
        EvidenceGaps = ["alternative openai/gpt-4.1-mini: p95 latency served this way is not stated (target 4000 ms)."],
        Economics = new Economics
        {
            MonthlyCalls = 1_217_500m,
            BaselineCostPerCall = 0.00665m,
            CandidateCostPerCall = 0.000905m,
            AllInCandidateCostPerCall = 0.0032186345m,
            PerCallSavings = 0.005745m,
            BaselineCostPerAcceptedOutcome = 0.0067718941m,
            CandidateCostPerAcceptedOutcome = 0.0032776319m,
            BaselineMonthlyCost = 8_096.38m,
            CandidateMonthlyCost = 3_918.69m,
            MonthlyNetSavings = 4_177.69m,
            BuildCost = 31_300m,
            MonthlyFixedCost = 1_741.85m,
            MonthlyRetrainCost = 1_075m,
            TrainingCost = 300m,
            BreakevenCalls = 9_121_733m,
            MonthlyVolumeFloor = 490_313m,
            PaybackMonths = 7.492m,
            HorizonNet = 18_832.25m,
            HorizonMonths = 12,
        },
        Sensitivity = new Sensitivity(944_331m, -19.38m) { Margin = 0.1938m },
        Options =
        [
            new OptionSummary
            {
                Kind = OptionKind.Stay, Model = "openai/gpt-4.1", Qualifies = true, PerCallCost = 0.00665m,
                CostPerAcceptedOutcome = 0.0067718941m, MonthlyCost = 8_096.38m, MonthlyNetSavings = 0m, HorizonNet = 0m,
            },
            new OptionSummary
            {
                Kind = OptionKind.Route, Model = "openai/gpt-4.1-mini", Qualifies = true, PerCallCost = 0.00133m,
                CostPerAcceptedOutcome = 0.0013543788m, MonthlyCost = 1_619.28m, MonthlyNetSavings = 6_477.10m, HorizonNet = 77_725.20m, PaybackMonths = 0m,
            },
            new OptionSummary
            {
                Kind = OptionKind.Route, Model = "openai/gpt-4.1-nano", Share = 0.6m, Qualifies = true, PerCallCost = 0.0028795m,
                CostPerAcceptedOutcome = 0.0029322811m, MonthlyCost = 3_505.79m, MonthlyNetSavings = 4_590.58m, HorizonNet = 49_087.00m, PaybackMonths = 1.307m,
            },
            new OptionSummary
            {
                Kind = OptionKind.Route, Model = "openai/gpt-4.1-nano", Qualifies = false, Reasons = ["scores 96.0 < target 97.0"], PerCallCost = 0.0003325m,
                CostPerAcceptedOutcome = 0.0003385947m, MonthlyCost = 404.82m, MonthlyNetSavings = 7_691.56m, HorizonNet = 92_298.68m, PaybackMonths = 0m,
            },
            new OptionSummary
            {
                Kind = OptionKind.FineTune, Model = "azure/gpt-4.1-mini-ft", Qualifies = true, PerCallCost = 0.0032186345m,
                CostPerAcceptedOutcome = 0.0032776319m, MonthlyCost = 3_918.69m, MonthlyNetSavings = 4_177.69m, HorizonNet = 18_832.25m, PaybackMonths = 7.492m,
            },
        ],
        Flip = new Flip(Verdict.StayOnFrontier, AsOf.AddDays(-7),
            ["quality threshold Unknown \u2192 NotMet: openai/gpt-4.1-mini already scores 97.2 \u2265 target 97.0 at $0.00133 a call, no more than the baseline's."]),
        Inputs = new AssessmentInputs
        {
            Prices =
            [
                new PriceInput("baseline", "openai/gpt-4.1", PriceDate, "litellm"),
                new PriceInput("candidate", "azure/gpt-4.1-mini-ft", PriceDate, "azure-retail"),
                new PriceInput("alternative", "openai/gpt-4.1-mini", PriceDate, "litellm"),
                new PriceInput("alternative", "openai/gpt-4.1-nano", PriceDate, "litellm"),
            ],
            Window = Window(1_120_000) with
            {
                UncachedInputTokensPerCall = 2_000, CachedInputTokensPerCall = 500, OutputTokensPerCall = 300,
                LatencyP95Ms = 5_200, FormatChecked = 1_120_000, FormatViolations = 20_160,
            },
            Defaults =
            [
                new("assumptions.monthlyPriceDecline", "0", "default 0: no price history was given"),
                new("fineTune.retrainCost", "$4,300.00", "training plus evaluation cost"),
                new("alternatives[openai/gpt-4.1-mini].formatViolationRate", "1.80%", "the baseline's measured rate"),
                new("alternatives[openai/gpt-4.1-nano].formatViolationRate", "1.80%", "the baseline's measured rate"),
                new("alternatives[openai/gpt-4.1-nano].formatViolationRate", "1.80%", "the baseline's measured rate"),
            ],
        },
    };

    /// <summary>Readiness gaps remain; no payback within the limit and no flip point in either range.</summary>
    public static Assessment PrepareWithoutPayback() => new()
    {
        WorkloadId = "invoice-extract",
        WorkloadName = "Invoice extraction",
        Team = "billing",
        CostCenter = "R&D, \"Europe\"",
        AssessedAt = AsOf,
        Verdict = Verdict.PrepareFineTune,
        Thresholds = new ThresholdSet(
            new ThresholdResult(ThresholdStatus.NotMet, "no payback within 120 months"),
            new ThresholdResult(ThresholdStatus.Met, "2.1% violations > 0.5% tolerance"),
            new ThresholdResult(ThresholdStatus.Met, "p95 2,400 ms > 1,500 ms target"),
            new ThresholdResult(ThresholdStatus.Unknown, "2 eval points in the last 8 weeks, 4 needed")),
        ReadinessGaps = ["labelled examples 350 < 1000", "no eval suite"],
        EvidenceGaps = ["quality: record at least 2 more eval runs"],
        Economics = new Economics
        {
            MonthlyCalls = 120_000m,
            BaselineCostPerCall = 0.0125m,
            CandidateCostPerCall = 0.004m,
            PerCallSavings = 0.0085m,
            BaselineMonthlyCost = 1_500m,
            CandidateMonthlyCost = 1_720.5m,
            MonthlyNetSavings = -220.5m,
            BuildCost = 25_000m,
            BreakevenCalls = null, // calls until payback: none without one
            MonthlyVolumeFloor = 145_941.18m,
            PaybackMonths = null,
            HorizonNet = -27_646m,
            HorizonMonths = 12,
        },
        Sensitivity = new Sensitivity(null, null),
        Inputs = new AssessmentInputs
        {
            Prices = [new PriceInput("baseline", "anthropic/claude-sonnet-4", PriceDate, "genai-prices")],
            Window = Window(110_000),
        },
    };

    /// <summary>A workload whose name and evidence are hostile HTML.</summary>
    public static Assessment StayWithHostileName() => new()
    {
        WorkloadId = "xss-probe",
        WorkloadName = HostileName,
        Team = "search",
        CostCenter = "CC-100",
        AssessedAt = AsOf,
        Verdict = Verdict.StayOnFrontier,
        Thresholds = new ThresholdSet(
            new ThresholdResult(ThresholdStatus.NotMet, "payback 40.2 months > 12"),
            new ThresholdResult(ThresholdStatus.NotMet, "format not strict"),
            new ThresholdResult(ThresholdStatus.Unknown, "no latency <measured> & no target"),
            new ThresholdResult(ThresholdStatus.NotMet, "no quality target")),
        EvidenceGaps = ["latency: no p95 measurements in the window"],
        Economics = new Economics
        {
            MonthlyCalls = 500_000m,
            BaselineCostPerCall = 0.002m,
            CandidateCostPerCall = 0.0004m,
            PerCallSavings = 0.0016m,
            BaselineMonthlyCost = 1_000m,
            CandidateMonthlyCost = 1_900m,
            MonthlyNetSavings = -900m,
            BuildCost = 20_000m,
            BreakevenCalls = 12_500_000m,
            MonthlyVolumeFloor = 1_062_500m,
            PaybackMonths = 40.2m,
            HorizonNet = -30_800m,
            HorizonMonths = 12,
        },
        Sensitivity = new Sensitivity(1_300_000m, 250m),
        Options =
        [
            new OptionSummary { Kind = OptionKind.Stay, Model = "openai/gpt-4.1", Qualifies = true, PerCallCost = 0.002m, MonthlyNetSavings = 0m, HorizonNet = 0m },
            new OptionSummary
            {
                Kind = OptionKind.Route, Model = "openai/gpt-4.1-nano", Qualifies = false, Reasons = ["the workload has no quality target to hold it to"],
                PerCallCost = 0.0005m, MonthlyNetSavings = 750m, HorizonNet = 9_000m, PaybackMonths = 0m,
            },
        ],
        Inputs = new AssessmentInputs
        {
            Prices = [new PriceInput("baseline", "openai/gpt-4.1", PriceDate, "litellm")],
            Window = Window(460_000),
        },
    };

    public static IReadOnlyList<InputProblem> Skipped() =>
    [
        new InputProblem("openrouter", "data[3].pricing.prompt", "price \"-1\" is dynamic <b>skipped</b>"),
        new InputProblem("workloads.json", "workloads[4]", "baseline model missing"),
    ];

    public static WeeklyReport Report() => new()
    {
        Week = Week,
        AsOf = AsOf,
        // Deliberately not in report order.
        Assessments = [StayWithHostileName(), RouteWithFlip(), PrepareWithoutPayback(), FragileFineTune(), FineTuneWithFlip()],
        Skipped = Skipped(),
        Notes = ["Prices refreshed from 3 sources (12 changed).", "1,204 usage rows ingested."],
    };

    /// <summary>
    /// The report with history: the workloads' cost-trend rows of the two weeks before (the hostile one missed
    /// W46), each week's spend 5% below the next, as the CostTrends table would hold them.
    /// </summary>
    public static WeeklyReport ReportWithHistory() => Report() with
    {
        Trends =
        [
            .. Report().Assessments.SelectMany(a => new[] { 1, 2 }
                .Where(back => !(a.WorkloadId == "xss-probe" && back == 2))
                .Select(back => WeeksBefore(a, back))),
        ],
    };

    /// <summary>The trend row of <paramref name="a"/> as it stood <paramref name="back"/> weeks earlier.</summary>
    public static CostTrendPoint WeeksBefore(Assessment a, int back)
    {
        var factor = 1m - 0.05m * back;
        var days = -7 * back;
        var earlier = a with
        {
            AssessedAt = a.AssessedAt.AddDays(days),
            Economics = a.Economics with { BaselineMonthlyCost = Math.Round(a.Economics.BaselineMonthlyCost * factor, 2) },
            Inputs = a.Inputs with { Window = a.Inputs.Window with { From = a.Inputs.Window.From!.Value.AddDays(days), To = a.Inputs.Window.To!.Value.AddDays(days) } },
        };
        var week = Week;
        for (var i = 0; i < back; i++) week = week.Previous;
        return CostTrendPoint.Estimate(earlier, week);
    }

    public static string Text(ReportFile file) => System.Text.Encoding.UTF8.GetString(file.Content);

    public static ReportFile File(IReadOnlyList<ReportFile> files, string name) => Assert.Single(files, f => f.Name == name);
}
