using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>
/// An assessment's options side by side: staying (what everything is measured against), each alternative as priced
/// by <see cref="RouteOptions"/> (qualifying or not, and why), and the fine-tune (which qualifies when at least two
/// thresholds hold and it pays over the horizon; its readiness gaps are listed, as they make it a plan, not a go).
/// Per-call costs are per baseline call in month 1; costs per accepted outcome divide by the share that passes.
/// </summary>
public static class OptionList
{
    /// <summary>The figures of the baseline and the fine-tune the list needs (the fine-tune's unrounded).</summary>
    public sealed record Figures(
        Workload Workload, decimal MonthlyCalls, decimal BaselineCostPerCall, Acceptance Acceptance, ThresholdSet Thresholds,
        IReadOnlyList<string> ReadinessGaps, decimal FineTuneMonthlyCost, decimal FineTuneMonthlyNetSavings, decimal FineTuneHorizonNet, decimal? FineTunePaybackMonths);

    public static IReadOnlyList<OptionSummary> Of(Figures figures, IReadOnlyList<RouteOptions.Evaluated> routes)
    {
        var workload = figures.Workload;
        var options = new List<OptionSummary>
        {
            new()
            {
                Kind = OptionKind.Stay,
                Model = workload.Baseline.Model,
                Qualifies = true,
                PerCallCost = PerCall(figures.BaselineCostPerCall),
                CostPerAcceptedOutcome = PerCall(Acceptance.PerAcceptedOutcome(figures.BaselineCostPerCall, figures.Acceptance.BaselineRate)),
                MonthlyCost = Money(figures.MonthlyCalls * figures.BaselineCostPerCall),
                MonthlyNetSavings = 0m,
                HorizonNet = 0m,
            },
        };

        foreach (var route in routes)
        {
            var perCall = route.Model?.CostPerBaselineCall();
            options.Add(new OptionSummary
            {
                Kind = OptionKind.Route,
                Model = route.Alternative.Model,
                Share = route.Alternative.Share,
                Qualifies = route.Qualifies,
                Reasons = route.Reasons,
                PerCallCost = perCall is { } c ? PerCall(c) : null,
                CostPerAcceptedOutcome = perCall is { } a ? PerCall(Acceptance.PerAcceptedOutcome(a, figures.Acceptance.BaselineRate)) : null,
                MonthlyCost = perCall is { } m ? Money(figures.MonthlyCalls * m) : null,
                MonthlyNetSavings = perCall is { } s ? Money(figures.MonthlyCalls * (figures.BaselineCostPerCall - s)) : null,
                HorizonNet = route.HorizonNet is { } h ? Money(h) : null,
                PaybackMonths = route.PaybackMonths is { } p ? Math.Round(p, 3, MidpointRounding.ToEven) : null,
            });
        }

        var fineTuneReasons = new List<string>();
        if (figures.Thresholds.MetCount < 2) fineTuneReasons.Add($"{figures.Thresholds.MetCount} of 4 thresholds hold; at least 2 needed");
        if (figures.FineTuneHorizonNet <= 0)
            fineTuneReasons.Add($"does not pay over {workload.Assumptions.HorizonMonths} months (horizon net {Evidence.Money(figures.FineTuneHorizonNet)})");
        fineTuneReasons.AddRange(figures.ReadinessGaps);
        var acceptedOutcomes = figures.MonthlyCalls * (1 - figures.Acceptance.BaselineRate);
        options.Add(new OptionSummary
        {
            Kind = OptionKind.FineTune,
            Model = workload.FineTune.Model,
            Qualifies = figures.Thresholds.MetCount >= 2 && figures.FineTuneHorizonNet > 0,
            Reasons = fineTuneReasons,
            PerCallCost = figures.MonthlyCalls > 0 ? PerCall(figures.FineTuneMonthlyCost / figures.MonthlyCalls) : null,
            CostPerAcceptedOutcome = acceptedOutcomes > 0 ? PerCall(figures.FineTuneMonthlyCost / acceptedOutcomes) : null,
            MonthlyCost = Money(figures.FineTuneMonthlyCost),
            MonthlyNetSavings = Money(figures.FineTuneMonthlyNetSavings),
            HorizonNet = Money(figures.FineTuneHorizonNet),
            PaybackMonths = figures.FineTunePaybackMonths is { } payback ? Math.Round(payback, 3, MidpointRounding.ToEven) : null,
        });
        return options;
    }

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.ToEven);

    private static decimal PerCall(decimal value) => Math.Round(value, 10, MidpointRounding.ToEven);
}
