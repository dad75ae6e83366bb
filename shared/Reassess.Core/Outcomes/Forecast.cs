using Reassess.Core.Decisions;

namespace Reassess.Core.Outcomes;

/// <summary>
/// What the assessment in force on the decision day promised for the option the team chose, frozen with the decision so
/// that later edits to the workload, its usage or the prices cannot move the target the outcome is judged against.
/// Per-call figures are per baseline call as the engine reports them (retries for format included); the forecast's
/// monthly savings are <c>S_f = C_f·(b_f − c_f) − F_f</c>, the engine's month-1 saving.
/// </summary>
public sealed record Forecast
{
    public required DateOnly DecisionDate { get; init; }
    public required DecisionAction Action { get; init; }

    /// <summary>The model chosen (price key, or the name of a self-hosted fine-tune).</summary>
    public required string Model { get; init; }

    /// <summary>The baseline the savings are counted against: the model the workload ran on when it was assessed.</summary>
    public required string BaselineModel { get; init; }

    /// <summary>When the assessment the forecast comes from was made.</summary>
    public required DateTimeOffset AssessedAt { get; init; }

    /// <summary>C_f: monthly calls.</summary>
    public decimal MonthlyCalls { get; init; }

    /// <summary>The usage window's tokens per call on the baseline: the mix every per-call price was taken at.</summary>
    public TokenMix TokensPerCall { get; init; }

    /// <summary>b_f: the baseline's cost per call at the forecast's prices.</summary>
    public decimal BaselineCostPerCall { get; init; }

    /// <summary>c_f: the chosen option's cost per baseline call at the forecast's prices (a route's blend of models and its router included).</summary>
    public decimal NewCostPerCall { get; init; }

    /// <summary>F_f: the option's fixed monthly costs (a fine-tune's hosting, GPUs, operations and amortised retraining; 0 for a route or staying).</summary>
    public decimal FixedMonthlyCost { get; init; }

    /// <summary>S_f = C_f·(b_f − c_f) − F_f, at full precision.</summary>
    public decimal MonthlyNetSavings => MonthlyCalls * (BaselineCostPerCall - NewCostPerCall) - FixedMonthlyCost;

    /// <summary>K_f: the one-off cost the forecast counted (a fine-tune's build, a route's migration); null when the assessment does not tell it.</summary>
    public decimal? BuildCost { get; init; }

    public decimal? PaybackMonths { get; init; }

    /// <summary>
    /// The forecast of <paramref name="decision"/> from <paramref name="assessment"/>, the assessment in force on the
    /// decision day. A fine-tune's figures are the assessment's economics (<c>c_f = b − (b − ĉ)</c>,
    /// <c>F_f = F + Kr/R</c>); a route's are its option's (<c>c_f = r_1</c>, with its router); staying promises nothing.
    /// A route's migration cost is not kept in the assessment apart from its horizon net, so it is read back as
    /// <c>K = H·R_1 − horizonNet</c>, which holds only without price decline or volume growth (else null).
    /// </summary>
    public static Forecast From(Assessment assessment, WorkloadDecision decision)
    {
        var economics = assessment.Economics;
        var window = assessment.Inputs.Window;
        var baseline = assessment.Options.FirstOrDefault(o => o.Kind == OptionKind.Stay)?.Model
                       ?? assessment.Inputs.Prices.FirstOrDefault(p => p.Role == "baseline")?.Key ?? "";
        var forecast = new Forecast
        {
            DecisionDate = decision.Date,
            Action = decision.Action,
            Model = decision.Model,
            BaselineModel = baseline,
            AssessedAt = assessment.AssessedAt,
            MonthlyCalls = economics.MonthlyCalls,
            TokensPerCall = new TokenMix(window.UncachedInputTokensPerCall, window.CachedInputTokensPerCall,
                window.CacheWriteTokensPerCall, window.OutputTokensPerCall),
            BaselineCostPerCall = economics.BaselineCostPerCall,
            NewCostPerCall = economics.BaselineCostPerCall,
            BuildCost = 0m,
            PaybackMonths = 0m,
        };

        return decision.Action switch
        {
            DecisionAction.FineTune => forecast with
            {
                NewCostPerCall = economics.BaselineCostPerCall - economics.PerCallSavings,
                FixedMonthlyCost = economics.MonthlyFixedCost + economics.MonthlyRetrainCost,
                BuildCost = economics.BuildCost,
                PaybackMonths = economics.PaybackMonths,
            },
            DecisionAction.Route => RouteOption(assessment, decision) is { PerCallCost: { } perCall } route
                ? WithMigrationCost(forecast with { NewCostPerCall = perCall, PaybackMonths = route.PaybackMonths }, economics, route)
                : throw new ArgumentException(
                    $"the assessment of {assessment.AssessedAt:yyyy-MM-dd} has no priced option for '{decision.Model}'; a route's forecast needs it.", nameof(decision)),
            _ => forecast,
        };
    }

    private static OptionSummary? RouteOption(Assessment assessment, WorkloadDecision decision) =>
        assessment.Options.FirstOrDefault(o => o.Kind == OptionKind.Route && string.Equals(o.Model, decision.Model, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// K = H·R_1 − horizonNet, with R_1 = C_f·(b_f − c_f) from the per-call figures (kept to 10 places, so closer than
    /// the option's rounded monthly saving); exact when every month saves R_1, that is without decline or growth.
    /// </summary>
    private static Forecast WithMigrationCost(Forecast forecast, Economics economics, OptionSummary route) => forecast with
    {
        BuildCost = economics.MonthlyPriceDecline == 0 && economics.MonthlyVolumeGrowth == 0 && route.HorizonNet is { } horizonNet
            ? Math.Max(0m, Math.Round(economics.HorizonMonths * forecast.MonthlyNetSavings - horizonNet, 2, MidpointRounding.ToEven))
            : null,
    };
}
