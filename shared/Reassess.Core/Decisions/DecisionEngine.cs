using Reassess.Core.Prices;
using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>
/// Stay on the prompted frontier model, or fine-tune a smaller one now? Computes docs/decision-engine.md exactly, in decimal.
/// </summary>
/// <summary>
/// Stay on the prompted frontier model, switch or route to a cheaper model that already meets the targets, or
/// fine-tune a smaller one now? Every option is priced per baseline call and per accepted outcome; a fine-tune is
/// recommended only when at least two thresholds hold, it pays over the horizon, and it beats the best route too.
/// Money in decimal; figures rounded only where they are reported.
/// </summary>
public static class DecisionEngine
{
    /// <summary>Months between retrainings when the workload states none: an advantage's half-life is 3–6 months.</summary>
    public const decimal DefaultRetrainEveryMonths = 6m;

    /// <summary>The busiest hour's calls over the average hour's when the workload states none.</summary>
    public const decimal DefaultPeakToAverage = 2.0m;

    public static Assessment Assess(AssessmentRequest request)
    {
        var workload = request.Workload;
        var fineTune = workload.FineTune;
        var assumptions = workload.Assumptions;
        var window = request.Window;
        var prices = new PricesUsed(workload, request.Prices);
        var defaults = new List<DefaultApplied>();

        var mix = TokenMix.PerCall(window);
        var batch = workload.Baseline.Batch;
        var monthlyCalls = window.Days > 0 ? window.Calls * Units.DaysPerMonth / window.Days : 0m;
        var baselineCost = CallCost.Of(prices.Baseline, mix, batch);
        var acceptance = Acceptance.Of(window);
        var (decline, declineSource) = Decline(request, mix, batch, defaults);

        var fineTuneModel = FineTuneModel(workload, prices, mix, batch, baselineCost, acceptance, decline, defaults);
        var candidateCost = prices.Candidate is null ? 0m : CallCost.Of(prices.Candidate, mix.WithoutPromptShare(fineTune.PromptReduction), batch);
        var fixedCost = fineTuneModel.FixedMonthlyCost(monthlyCalls);
        var candidateMonthly = monthlyCalls * fineTuneModel.CandidateCostPerCall + fixedCost + fineTuneModel.MonthlyRetrainCost;
        var payback = fineTuneModel.PaybackMonths(monthlyCalls);
        var horizonNet = fineTuneModel.HorizonNet(monthlyCalls, assumptions.HorizonMonths);
        var perCallSavings = baselineCost - fineTuneModel.CandidateCostPerCall;
        var acceptedOutcomes = monthlyCalls * (1 - acceptance.BaselineRate);

        var routes = RouteOptions.Evaluate(
            new RouteOptions.Context(workload, mix, baselineCost, acceptance, monthlyCalls, decline, assumptions.MonthlyVolumeGrowth),
            prices.Alternatives);
        foreach (var route in routes.Where(r => r.Alternative.FormatViolationRate is null && r.Model is not null))
            defaults.Add(new($"alternatives[{route.Alternative.Model}].formatViolationRate", Evidence.Percent(acceptance.BaselineRate), "the baseline's measured rate"));
        var bestRoute = RouteOptions.Best(routes);

        var thresholds = new ThresholdSet(
            Thresholds.Volume(window, payback, assumptions.MaxPaybackMonths, monthlyCalls),
            Thresholds.Format(window, workload.Targets.Format),
            Thresholds.Latency(window, workload.Targets.LatencyP95Ms),
            Thresholds.Quality(window, workload.Targets.QualityScore, RouteOptions.CheaperSwitch(routes, baselineCost)));
        var readinessGaps = Readiness.Gaps(fineTune, workload.Targets.QualityScore);
        var sensitivity = SensitivityAnalysis.Analyse(fineTuneModel, monthlyCalls, assumptions.MaxPaybackMonths);
        var verdict = VerdictFor(thresholds, horizonNet, readinessGaps, bestRoute?.HorizonNet);

        var assessment = new Assessment
        {
            WorkloadId = workload.Id,
            WorkloadName = workload.Name,
            Team = workload.Team,
            CostCenter = workload.CostCenter,
            AssessedAt = request.AssessedAt,
            Verdict = verdict,
            BestRoute = bestRoute?.Alternative.Model,
            Thresholds = thresholds,
            ReadinessGaps = readinessGaps,
            EvidenceGaps = EvidenceGaps(thresholds, prices, window, routes),
            Economics = new Economics
            {
                MonthlyCalls = Round(monthlyCalls),
                BaselineCostPerCall = PerCall(baselineCost),
                CandidateCostPerCall = PerCall(candidateCost),
                AllInCandidateCostPerCall = monthlyCalls > 0 ? PerCall(candidateMonthly / monthlyCalls) : 0m,
                PerCallSavings = PerCall(perCallSavings),
                BaselineCostPerAcceptedOutcome = PerCall(Acceptance.PerAcceptedOutcome(baselineCost, acceptance.BaselineRate)),
                CandidateCostPerAcceptedOutcome = acceptedOutcomes > 0 ? PerCall(candidateMonthly / acceptedOutcomes) : 0m,
                BaselineMonthlyCost = Round(monthlyCalls * baselineCost),
                CandidateMonthlyCost = Round(candidateMonthly),
                MonthlyNetSavings = Round(monthlyCalls * perCallSavings - fixedCost - fineTuneModel.MonthlyRetrainCost),
                BuildCost = Round(fineTuneModel.BuildCost),
                MonthlyFixedCost = Round(fixedCost),
                MonthlyRetrainCost = Round(fineTuneModel.MonthlyRetrainCost),
                TrainingCost = Round(TrainingCost(workload, prices.Training)),
                Gpus = fineTuneModel.GpusFor(monthlyCalls),
                BreakevenCalls = fineTuneModel.BreakevenCalls(monthlyCalls) is { } calls ? Round(calls, 0) : null,
                MonthlyVolumeFloor = perCallSavings > 0 ? Round((fixedCost + fineTuneModel.MonthlyRetrainCost) / perCallSavings, 0) : null,
                PaybackMonths = payback is { } p ? Round(p, 3) : null,
                HorizonNet = Round(horizonNet),
                HorizonMonths = assumptions.HorizonMonths,
                MonthlyPriceDecline = decline,
                MonthlyVolumeGrowth = assumptions.MonthlyVolumeGrowth,
            },
            Options = OptionList.Of(new OptionList.Figures(
                workload, monthlyCalls, baselineCost, acceptance, thresholds, readinessGaps,
                candidateMonthly, monthlyCalls * perCallSavings - fixedCost - fineTuneModel.MonthlyRetrainCost, horizonNet, payback), routes),
            Sensitivity = sensitivity,
            Scenarios = ScenarioAnalysis.Analyse(fineTuneModel, monthlyCalls, assumptions.MaxPaybackMonths, assumptions.HorizonMonths, sensitivity.FlipMonthlyCalls),
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
                    EvalDays = window.EvalDays,
                    Sources = window.Sources,
                    DaysWithoutCallCount = window.DaysWithoutCallCount,
                    SourceChoices = window.SourceChoices,
                },
                PriceDeclineSource = declineSource,
                Defaults = defaults,
            },
        };

        return assessment with { Flip = FlipDetector.Detect(request.Previous, assessment) };
    }

    /// <summary>δ: the workload's, else from the baseline's price history, else 0; the default is recorded with why.</summary>
    private static (decimal Decline, string Source) Decline(AssessmentRequest request, TokenMix mix, bool batch, List<DefaultApplied> defaults)
    {
        if (request.Workload.Assumptions.MonthlyPriceDecline is { } given) return (given, "workload");
        if (request.BaselinePriceHistory is { } history)
        {
            var (decline, why) = PriceDecline.FromHistory(history, price => CallCost.Of(price, mix, batch), request.AssessedAt);
            defaults.Add(new("assumptions.monthlyPriceDecline", Evidence.Number(decline, "0.####"), why));
            return (decline, decline > 0 ? "price-history" : "default");
        }

        defaults.Add(new("assumptions.monthlyPriceDecline", "0", "default 0: no price history was given"));
        return (0m, "default");
    }

    /// <summary>The fine-tune option's cost model, with every default it applied recorded.</summary>
    private static CostModel FineTuneModel(
        Workload workload, PricesUsed prices, TokenMix mix, bool batch, decimal baselineCost, Acceptance acceptance, decimal decline, List<DefaultApplied> defaults)
    {
        var fineTune = workload.FineTune;
        var candidateCost = prices.Candidate is null ? 0m : CallCost.Of(prices.Candidate, mix.WithoutPromptShare(fineTune.PromptReduction), batch);
        var rate = fineTune.ExpectedFormatViolationRate ?? acceptance.BaselineRate;
        if (fineTune.ExpectedFormatViolationRate is null)
            defaults.Add(new("fineTune.expectedFormatViolationRate", Evidence.Percent(rate), "the baseline's measured rate"));
        var calls = acceptance.CallsPerBaselineCall(rate);

        var peak = fineTune.PeakToAverage ?? DefaultPeakToAverage;
        if (fineTune.IsSelfHosted && fineTune.PeakToAverage is null)
            defaults.Add(new("fineTune.peakToAverage", Evidence.Number(peak), "default: the busiest hour twice the average"));

        var every = fineTune.RetrainEveryMonths ?? DefaultRetrainEveryMonths;
        var trainingCost = TrainingCost(workload, prices.Training);
        var retrainCost = fineTune.RetrainCost ?? trainingCost + fineTune.EvalCost;
        if (fineTune.RetrainEveryMonths is null)
            defaults.Add(new("fineTune.retrainEveryMonths", Evidence.Number(every), "default: base models move and a fine-tune's edge fades in 3–6 months"));
        if (fineTune.RetrainCost is null && every > 0)
            defaults.Add(new("fineTune.retrainCost", Evidence.Money(retrainCost), "training plus evaluation cost"));
        if (fineTune.HostingPerHour is null && prices.Candidate?.HostingPerHour is { } hosting)
            defaults.Add(new("fineTune.hostingPerHour", Evidence.Money(hosting), $"price sheet of {prices.Candidate.Key} ({prices.Candidate.Source})"));

        return new CostModel
        {
            BaselineCostPerCall = baselineCost,
            CandidateCostPerCall = candidateCost * calls,
            CallsPerBaselineCall = calls,
            FixedMonthlyWithoutGpus = HostingPerHour(workload, prices.Candidate) * Units.HoursPerMonth + fineTune.OpsMonthly,
            GpuHourly = fineTune.GpuHourly,
            MinimumGpus = fineTune.Gpus,
            CallsPerGpuHour = fineTune.CallsPerGpuHour,
            PeakToAverage = peak,
            BuildCost = fineTune.DataPrepCost + trainingCost + fineTune.EvalCost + fineTune.EngineeringCost,
            MonthlyRetrainCost = every > 0 ? retrainCost / every : 0m,
            MonthlyPriceDecline = decline,
            MonthlyVolumeGrowth = workload.Assumptions.MonthlyVolumeGrowth,
        };
    }

    /// <summary>
    /// FineTune when at least two thresholds hold, the fine-tune's horizon net is positive and above the best route's,
    /// and nothing is missing (PrepareFineTune when only readiness is); otherwise Route when there is a best route;
    /// otherwise StayOnFrontier.
    /// </summary>
    public static Verdict VerdictFor(ThresholdSet thresholds, decimal horizonNet, IReadOnlyList<string> readinessGaps, decimal? bestRouteHorizonNet = null) =>
        thresholds.MetCount >= 2 && horizonNet > 0 && (bestRouteHorizonNet is not { } route || horizonNet > route)
            ? readinessGaps.Count == 0 ? Verdict.FineTune : Verdict.PrepareFineTune
            : bestRouteHorizonNet is not null ? Verdict.Route : Verdict.StayOnFrontier;

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

    private static IReadOnlyList<string> EvidenceGaps(ThresholdSet thresholds, PricesUsed prices, Usage.UsageWindow window, IReadOnlyList<RouteOptions.Evaluated> routes)
    {
        var gaps = thresholds.Named()
            .Where(t => t.Result.Status == ThresholdStatus.Unknown)
            .Select(t => $"{t.Name}: {t.Result.Evidence}")
            .ToList();
        if (window.DaysWithoutCallCount > 0)
            gaps.Add($"volume: {window.DaysWithoutCallCount} day(s) in the window have tokens but no call count from any source (e.g. Anthropic's usage report); they are left out rather than counted as zero calls — add a source with request counts.");
        gaps.AddRange(prices.Alternatives.Where(a => a.Price is null).Select(a => $"alternative {a.Alternative.Model}: no price in force, so it cannot be compared."));
        gaps.AddRange(routes.SelectMany(r => r.Gaps));
        return gaps;
    }

    /// <summary>Half to even, as money is conventionally rounded: many rounded figures summed do not drift one way.</summary>
    private static decimal Round(decimal value, int decimals = 2) => Math.Round(value, decimals, MidpointRounding.ToEven);

    private static decimal PerCall(decimal value) => Round(value, 10);
}
