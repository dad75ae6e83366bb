using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Core.Trends;

namespace Reassess.Core.Tests.Reporting;

/// <summary>Hand-built assessments: one per verdict, one with a flip, one with no payback and no sensitivity.</summary>
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

    /// <summary>The worked example of DESIGN §4: FineTune, flipped from StayOnFrontier this week.</summary>
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
            PerCallSavings = 0.00049m,
            BaselineMonthlyCost = 4_900.44m,
            CandidateMonthlyCost = 1_770.22m,
            MonthlyNetSavings = 3_130.22m,
            BuildCost = 30_000m,
            MonthlyFixedCost = 1_103.55m,
            MonthlyRetrainCost = 666.67m,
            Gpus = 1,
            BreakevenCalls = 61_224_490m,
            MonthlyVolumeFloor = 3_612_687m,
            PaybackMonths = 9.584m,
            HorizonNet = 7_562.65m,
            HorizonMonths = 12,
        },
        Sensitivity = new Sensitivity(8_714_728m, -12.86m),
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
            BreakevenCalls = 2_941_176.47m,
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
            new OptionSummary { Kind = OptionKind.Stay, Model = "openai/gpt-4.1", Qualifies = true, PerCallCost = 0.0021m, MonthlyNetSavings = 0m, HorizonNet = 0m },
            new OptionSummary { Kind = OptionKind.Route, Model = "openai/gpt-4.1-nano", Qualifies = true, PerCallCost = 0.0005m, MonthlyNetSavings = 750m, HorizonNet = 9_000m },
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
        Assessments = [StayWithHostileName(), PrepareWithoutPayback(), FineTuneWithFlip()],
        Skipped = Skipped(),
        Notes = ["Prices refreshed from 3 sources (12 changed).", "1,204 usage rows ingested."],
    };

    /// <summary>
    /// The report with history: the three workloads' cost-trend rows of the two weeks before (the hostile one missed
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
