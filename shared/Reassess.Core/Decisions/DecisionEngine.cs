using Reassess.Core.Prices;
using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>
/// Stay on the prompted frontier model, or fine-tune a smaller one now? Computes DESIGN §4 exactly, in decimal.
/// </summary>
public static class DecisionEngine
{
    public static Assessment Assess(AssessmentRequest request)
    {
        var workload = request.Workload;
        var fineTune = workload.FineTune;
        var assumptions = workload.Assumptions;
        var window = request.Window;
        var prices = new PricesUsed(workload, request.Prices);

        var mix = TokenMix.PerCall(window);
        var batch = workload.Baseline.Batch;
        var monthlyCalls = window.Days > 0 ? window.Calls * Units.DaysPerMonth / window.Days : 0m;
        var baselineCost = CallCost.Of(prices.Baseline, mix, batch);
        var candidateCost = prices.Candidate is null
            ? 0m
            : CallCost.Of(prices.Candidate, mix.WithoutPromptShare(fineTune.PromptReduction), batch);

        var (decline, declineSource) = assumptions.MonthlyPriceDecline is { } given
            ? (given, "workload")
            : request.EstimatedMonthlyPriceDecline is { } estimated ? (estimated, "price-history") : (0m, "default");

        var trainingCost = TrainingCost(workload, prices.Training);
        var buildCost = fineTune.DataPrepCost + trainingCost + fineTune.EvalCost + fineTune.EngineeringCost;
        var retrainCost = fineTune.RetrainCost ?? trainingCost + fineTune.EvalCost;
        var model = new CostModel
        {
            BaselineCostPerCall = baselineCost,
            CandidateCostPerCall = candidateCost,
            FixedMonthlyWithoutGpus = HostingPerHour(workload, prices.Candidate) * Units.HoursPerMonth + fineTune.OpsMonthly,
            GpuHourly = fineTune.GpuHourly,
            MinimumGpus = fineTune.Gpus,
            CallsPerGpuHour = fineTune.CallsPerGpuHour,
            BuildCost = buildCost,
            MonthlyRetrainCost = fineTune.RetrainEveryMonths is > 0 ? retrainCost / fineTune.RetrainEveryMonths.Value : 0m,
            MonthlyPriceDecline = decline,
            MonthlyVolumeGrowth = assumptions.MonthlyVolumeGrowth,
        };

        var perCallSavings = baselineCost - candidateCost;
        var fixedCost = model.FixedMonthlyCost(monthlyCalls);
        var payback = model.PaybackMonths(monthlyCalls);
        var horizonNet = model.HorizonNet(monthlyCalls, assumptions.HorizonMonths);

        var thresholds = new ThresholdSet(
            Thresholds.Volume(window, payback, assumptions.MaxPaybackMonths, monthlyCalls),
            Thresholds.Format(window, workload.Targets.Format),
            Thresholds.Latency(window, workload.Targets.LatencyP95Ms),
            Thresholds.Quality(window, workload.Targets.QualityScore));
        var readinessGaps = Readiness.Gaps(fineTune);
        var sensitivity = SensitivityAnalysis.Analyse(model, monthlyCalls, assumptions.MaxPaybackMonths);

        var assessment = new Assessment
        {
            WorkloadId = workload.Id,
            WorkloadName = workload.Name,
            Team = workload.Team,
            CostCenter = workload.CostCenter,
            AssessedAt = request.AssessedAt,
            Verdict = VerdictFor(thresholds, horizonNet, readinessGaps),
            Thresholds = thresholds,
            ReadinessGaps = readinessGaps,
            EvidenceGaps = EvidenceGaps(thresholds, prices, window),
            Economics = new Economics
            {
                MonthlyCalls = Round(monthlyCalls),
                BaselineCostPerCall = PerCall(baselineCost),
                CandidateCostPerCall = PerCall(candidateCost),
                PerCallSavings = PerCall(perCallSavings),
                BaselineMonthlyCost = Round(monthlyCalls * baselineCost),
                CandidateMonthlyCost = Round(monthlyCalls * candidateCost + fixedCost + model.MonthlyRetrainCost),
                MonthlyNetSavings = Round(monthlyCalls * perCallSavings - fixedCost - model.MonthlyRetrainCost),
                BuildCost = Round(buildCost),
                MonthlyFixedCost = Round(fixedCost),
                MonthlyRetrainCost = Round(model.MonthlyRetrainCost),
                TrainingCost = Round(trainingCost),
                Gpus = model.GpusFor(monthlyCalls),
                BreakevenCalls = perCallSavings > 0 ? Round(buildCost / perCallSavings, 0) : null,
                MonthlyVolumeFloor = perCallSavings > 0 ? Round((fixedCost + model.MonthlyRetrainCost) / perCallSavings, 0) : null,
                PaybackMonths = payback is { } p ? Round(p, 3) : null,
                HorizonNet = Round(horizonNet),
                HorizonMonths = assumptions.HorizonMonths,
                MonthlyPriceDecline = decline,
                MonthlyVolumeGrowth = assumptions.MonthlyVolumeGrowth,
            },
            Sensitivity = sensitivity,
            Scenarios = ScenarioAnalysis.Analyse(model, monthlyCalls, assumptions.MaxPaybackMonths, assumptions.HorizonMonths, sensitivity.FlipMonthlyCalls),
            RouteHints = RouteHints.Find(prices.Alternatives, workload.Targets.QualityScore, mix, batch, baselineCost, monthlyCalls),
            Inputs = new AssessmentInputs
            {
                Prices = prices.Used(),
                Window = new WindowInput
                {
                    From = window.From,
                    To = window.To,
                    Days = window.Days,
                    DaysWithUsage = window.DaysWithUsage,
                    Calls = window.Calls,
                    UncachedInputTokensPerCall = Round(mix.Uncached, 4),
                    CachedInputTokensPerCall = Round(mix.CachedRead, 4),
                    CacheWriteTokensPerCall = Round(mix.CacheWrite, 4),
                    OutputTokensPerCall = Round(mix.Output, 4),
                    LatencyP95Ms = window.LatencyP95Ms is { } l ? Round(l, 1) : null,
                    FormatChecked = window.FormatChecked,
                    FormatViolations = window.FormatViolations,
                    EvalScores = window.EvalScores,
                    Sources = window.Sources,
                    DaysWithoutCallCount = window.DaysWithoutCallCount,
                    SourceChoices = window.SourceChoices,
                },
                PriceDeclineSource = declineSource,
            },
        };

        return assessment with { Flip = FlipDetector.Detect(request.Previous, assessment) };
    }

    /// <summary>FineTune when at least two thresholds hold, the horizon pays and nothing is missing; PrepareFineTune when only readiness is missing.</summary>
    public static Verdict VerdictFor(ThresholdSet thresholds, decimal horizonNet, IReadOnlyList<string> readinessGaps) =>
        thresholds.MetCount >= 2 && horizonNet > 0
            ? readinessGaps.Count == 0 ? Verdict.FineTune : Verdict.PrepareFineTune
            : Verdict.StayOnFrontier;

    private static decimal TrainingCost(Workload workload, PriceRecord? trainingPrice)
    {
        var fineTune = workload.FineTune;
        decimal cost = 0;
        if (fineTune.TrainingTokens > 0)
        {
            var perMTok = trainingPrice?.TrainingPerMTok ?? throw new AssessmentException(workload.Id,
                $"training {fineTune.TrainingTokens:N0} tokens needs a training price per 1M tokens for '{TrainingKey(workload)}'; add trainingPerMTok to the overrides sheet.");
            cost += fineTune.TrainingTokens * (decimal)Math.Max(1, fineTune.Epochs) * perMTok / Units.TokensPerPriceUnit;
        }

        if (fineTune.TrainingHours > 0)
        {
            var perHour = fineTune.TrainingPerHour ?? trainingPrice?.TrainingPerHour ?? throw new AssessmentException(workload.Id,
                $"{fineTune.TrainingHours} training hours need a price per hour: set fineTune.trainingPerHour or trainingPerHour for '{TrainingKey(workload)}' in the overrides sheet.");
            cost += fineTune.TrainingHours * perHour;
        }

        return cost;
    }

    private static decimal HostingPerHour(Workload workload, PriceRecord? candidatePrice) =>
        workload.FineTune.HostingPerHour ?? candidatePrice?.HostingPerHour ?? 0m;

    private static string TrainingKey(Workload workload) => workload.FineTune.TrainingModel ?? workload.FineTune.Model;

    private static IReadOnlyList<string> EvidenceGaps(ThresholdSet thresholds, PricesUsed prices, Usage.UsageWindow window)
    {
        var gaps = thresholds.Named()
            .Where(t => t.Result.Status == ThresholdStatus.Unknown)
            .Select(t => $"{t.Name}: {t.Result.Evidence}")
            .ToList();
        if (window.DaysWithoutCallCount > 0)
            gaps.Add($"volume: {window.DaysWithoutCallCount} day(s) in the window have tokens but no call count from any source (e.g. Anthropic's usage report); they are left out rather than counted as zero calls — add a source with request counts.");
        gaps.AddRange(prices.UnpricedAlternatives.Select(key => $"alternative {key}: no price in force, so it cannot be compared."));
        return gaps;
    }

    private static decimal Round(decimal value, int decimals = 2) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static decimal PerCall(decimal value) => Round(value, 10);

    /// <summary>The price records one workload needs, looked up once, with a message that says what to add when one is missing.</summary>
    private sealed class PricesUsed
    {
        public PricesUsed(Workload workload, PriceBook book)
        {
            Baseline = book.Find(workload.Baseline.Model) ?? throw new AssessmentException(workload.Id,
                $"no price in force for baseline model '{workload.Baseline.Model}'; check the key or add it to the overrides sheet.");
            if (Baseline.InputPerMTok is null || Baseline.OutputPerMTok is null)
                throw new AssessmentException(workload.Id,
                    $"baseline model '{Baseline.Key}' has no input or output token price (source {Baseline.Source}); add them to the overrides sheet.");

            if (!workload.FineTune.IsSelfHosted)
            {
                Candidate = book.Find(workload.FineTune.Model) ?? throw new AssessmentException(workload.Id,
                    $"no price in force for fine-tuned model '{workload.FineTune.Model}'; add its per-token prices to the overrides sheet, or set gpuHourly for a self-hosted candidate.");
            }

            Training = book.Find(workload.FineTune.TrainingModel ?? workload.FineTune.Model);
            foreach (var alternative in workload.Alternatives)
            {
                if (book.Find(alternative.Model) is { } price) Alternatives.Add((alternative, price));
                else UnpricedAlternatives.Add(alternative.Model);
            }
        }

        public PriceRecord Baseline { get; }
        public PriceRecord? Candidate { get; }
        public PriceRecord? Training { get; }
        public List<(AlternativeModel Alternative, PriceRecord Price)> Alternatives { get; } = [];
        public List<string> UnpricedAlternatives { get; } = [];

        public IReadOnlyList<PriceInput> Used()
        {
            var used = new List<PriceInput> { Input("baseline", Baseline) };
            if (Candidate is not null) used.Add(Input("candidate", Candidate));
            if (Training is not null && !ReferenceEquals(Training, Candidate)) used.Add(Input("training", Training));
            used.AddRange(Alternatives.Select(a => Input("alternative", a.Price)));
            return used;
        }

        private static PriceInput Input(string role, PriceRecord price) =>
            new(role, price.Key, price.EffectiveFrom, price.Source, price.InputPerMTok, price.OutputPerMTok);
    }
}
