using Reassess.Core.Outcomes;
using Reassess.Core.Prices;

namespace Reassess.Core.Workloads;

/// <summary>
/// Checks a workload before anything is computed from it, naming every problem by its field path and why
/// (e.g. <c>fineTune.promptReduction: 1.4 is outside 0–1</c>), so one look fixes them all.
/// </summary>
public static class WorkloadValidator
{
    /// <summary>A usage match rule's dimension and value: identifiers of other systems (project ids, deployment names, tags).</summary>
    private const int MaxMatchLength = 256;

    /// <summary>
    /// Lists are bounded so that a workload and its assessment (which lists every alternative as an option) stay far
    /// inside what one storage row holds; no real workload comes near.
    /// </summary>
    private const int MaxMatchRules = 100;

    private const int MaxAlternatives = 50;

    /// <summary>A decision's note: a sentence or two on why, shown with the outcome.</summary>
    private const int MaxNoteLength = 1000;

    /// <summary>Weekly decisions for years still fit; the bound keeps a workload within one storage row.</summary>
    private const int MaxDecisions = 200;

    public static IReadOnlyList<string> Validate(Workload workload)
    {
        var problems = new List<string>();
        void Problem(string path, string why) => problems.Add($"{path}: {why}");

        Check(Identifier.Problem(workload.Id), "id", Problem);
        Check(FreeText.Problem(workload.Name), "name", Problem);
        Check(Identifier.Problem(workload.Team), "team", Problem);
        Check(Identifier.Problem(workload.CostCenter), "costCenter", Problem);

        CheckPriceKey(workload.Baseline.Model, "baseline.model", Problem);

        if (workload.Usage.Match.Count > MaxMatchRules) Problem("usage.match", $"has {workload.Usage.Match.Count} rules; at most {MaxMatchRules}");
        if (workload.Alternatives.Count > MaxAlternatives) Problem("alternatives", $"has {workload.Alternatives.Count} entries; at most {MaxAlternatives}");
        for (var i = 0; i < workload.Usage.Match.Count; i++)
        {
            var rule = workload.Usage.Match[i];
            if (string.IsNullOrWhiteSpace(rule.Dimension)) Problem($"usage.match[{i}].dimension", "is required (e.g. project_id, api_key_id, deployment)");
            else Check(FreeText.Problem(rule.Dimension, MaxMatchLength), $"usage.match[{i}].dimension", Problem);
            Check(FreeText.Problem(rule.Value, MaxMatchLength), $"usage.match[{i}].value", Problem);
        }

        CheckTargets(workload.Targets, Problem);
        CheckFineTune(workload.FineTune, Problem);
        CheckAssumptions(workload.Assumptions, Problem);

        for (var i = 0; i < workload.Alternatives.Count; i++)
        {
            var alternative = workload.Alternatives[i];
            CheckPriceKey(alternative.Model, $"alternatives[{i}].model", Problem);
            CheckRange(alternative.EvalScore, 0, 100, $"alternatives[{i}].evalScore", Problem);
            if (alternative.Share is <= 0 or > 1) Problem($"alternatives[{i}].share", $"{alternative.Share} is outside 0 (excluded)–1; the part of the calls sent to it");
            if (alternative.LatencyP95Ms is <= 0) Problem($"alternatives[{i}].latencyP95Ms", $"{alternative.LatencyP95Ms} must be more than 0 ms (leave it out when not measured)");
            if (alternative.FormatViolationRate is { } rate) CheckRate(rate, $"alternatives[{i}].formatViolationRate", Problem);
            CheckNotNegative(alternative.RouterCostPerCall, $"alternatives[{i}].routerCostPerCall", Problem);
            CheckNotNegative(alternative.MigrationCost, $"alternatives[{i}].migrationCost", Problem);
        }

        CheckDecisions(workload.Decisions, Problem);
        return problems;
    }

    private static void CheckDecisions(IReadOnlyList<WorkloadDecision> decisions, Action<string, string> problem)
    {
        if (decisions.Count > MaxDecisions) problem("decisions", $"has {decisions.Count} entries; at most {MaxDecisions}");
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            if (decision.Date == default) problem($"decisions[{i}].date", "is required (the UTC day the change went live, e.g. 2026-03-02)");
            if (!Enum.IsDefined(decision.Action)) problem($"decisions[{i}].action", $"{decision.Action} is not one of fineTune, route, stay");
            // A self-hosted fine-tune is named rather than priced per token, as fineTune.model may be.
            if (decision.Action == DecisionAction.FineTune && !string.IsNullOrWhiteSpace(decision.Model))
                Check(FreeText.Problem(decision.Model), $"decisions[{i}].model", problem);
            else
                CheckPriceKey(decision.Model, $"decisions[{i}].model", problem);
            CheckNotNegative(decision.BuildCost, $"decisions[{i}].buildCost", problem);
            if (decision.Note is not null) Check(FreeText.Problem(decision.Note, MaxNoteLength), $"decisions[{i}].note", problem);
        }
    }

    private static void CheckTargets(TargetSpec targets, Action<string, string> problem)
    {
        if (targets.LatencyP95Ms is <= 0) problem("targets.latencyP95Ms", $"{targets.LatencyP95Ms} must be more than 0 ms (leave it out for no target)");
        if (targets.QualityScore is { } q) CheckRange(q, 0, 100, "targets.qualityScore", problem);
        CheckRange(targets.Format.Tolerance, 0, 1, "targets.format.tolerance", problem);
    }

    private static void CheckFineTune(FineTuneSpec fineTune, Action<string, string> problem)
    {
        if (fineTune.IsSelfHosted)
        {
            if (string.IsNullOrWhiteSpace(fineTune.Model)) problem("fineTune.model", "is required (a name for the self-hosted model)");
            if (fineTune.Gpus <= 0 && fineTune.CallsPerGpuHour <= 0)
                problem("fineTune.gpus", "a self-hosted candidate needs gpus or callsPerGpuHour to size its GPUs");
        }
        else
        {
            CheckPriceKey(fineTune.Model, "fineTune.model", problem);
        }

        if (fineTune.TrainingModel is not null) CheckPriceKey(fineTune.TrainingModel, "fineTune.trainingModel", problem);
        if (fineTune.Epochs < 1) problem("fineTune.epochs", $"{fineTune.Epochs} must be at least 1");
        if (fineTune.PromptReduction is < 0 or >= 1)
            problem("fineTune.promptReduction", $"{fineTune.PromptReduction} is outside 0–1 (the share of input tokens the fine-tune no longer needs)");
        if (fineTune.RetrainEveryMonths is < 0)
            problem("fineTune.retrainEveryMonths", $"{fineTune.RetrainEveryMonths} is negative; give months between retrainings, 0 for never, or leave it out for the default of 6");
        if (fineTune.PeakToAverage is { } peak) CheckRange(peak, 1, 100, "fineTune.peakToAverage", problem);
        if (fineTune.ExpectedFormatViolationRate is { } rate) CheckRate(rate, "fineTune.expectedFormatViolationRate", problem);
        if (fineTune.PilotEvalScore is { } pilot) CheckRange(pilot, 0, 100, "fineTune.pilotEvalScore", problem);

        CheckNotNegative(fineTune.TrainingTokens, "fineTune.trainingTokens", problem);
        CheckNotNegative(fineTune.TrainingHours, "fineTune.trainingHours", problem);
        CheckNotNegative(fineTune.TrainingPerHour, "fineTune.trainingPerHour", problem);
        CheckNotNegative(fineTune.HostingPerHour, "fineTune.hostingPerHour", problem);
        CheckNotNegative(fineTune.GpuHourly, "fineTune.gpuHourly", problem);
        CheckNotNegative(fineTune.Gpus, "fineTune.gpus", problem);
        CheckNotNegative(fineTune.CallsPerGpuHour, "fineTune.callsPerGpuHour", problem);
        CheckNotNegative(fineTune.DataPrepCost, "fineTune.dataPrepCost", problem);
        CheckNotNegative(fineTune.EvalCost, "fineTune.evalCost", problem);
        CheckNotNegative(fineTune.EngineeringCost, "fineTune.engineeringCost", problem);
        CheckNotNegative(fineTune.OpsMonthly, "fineTune.opsMonthly", problem);
        CheckNotNegative(fineTune.RetrainCost, "fineTune.retrainCost", problem);
        CheckNotNegative(fineTune.LabeledExamples, "fineTune.labeledExamples", problem);
    }

    private static void CheckAssumptions(AssumptionSpec assumptions, Action<string, string> problem)
    {
        if (assumptions.MaxPaybackMonths <= 0) problem("assumptions.maxPaybackMonths", $"{assumptions.MaxPaybackMonths} must be more than 0");
        if (assumptions.HorizonMonths is < 1 or > 120) problem("assumptions.horizonMonths", $"{assumptions.HorizonMonths} is outside 1–120");
        if (assumptions.MonthlyPriceDecline is { } d) CheckRange(d, 0, 0.5m, "assumptions.monthlyPriceDecline", problem);
        // Compounded over 120 months, growth beyond ±25% a month leaves any plausible range (and decimal's).
        CheckRange(assumptions.MonthlyVolumeGrowth, -0.25m, 0.25m, "assumptions.monthlyVolumeGrowth", problem);
    }

    private static void Check(string? why, string path, Action<string, string> problem)
    {
        if (why is not null) problem(path, why);
    }

    private static void CheckPriceKey(string? key, string path, Action<string, string> problem)
    {
        if (!PriceKey.TryParse(key, out _, out _))
            problem(path, $"'{key}' is not a price key of the form provider/model (e.g. openai/gpt-4o-mini)");
    }

    private static void CheckRange(decimal value, decimal min, decimal max, string path, Action<string, string> problem)
    {
        if (value < min || value > max) problem(path, $"{value} is outside {min}–{max}");
    }

    /// <summary>A format violation rate: 0 ≤ v &lt; 1 (at 1 no output is ever accepted, and retries never end).</summary>
    private static void CheckRate(decimal value, string path, Action<string, string> problem)
    {
        if (value is < 0 or >= 1) problem(path, $"{value} is outside 0–1 (1 excluded: no output would ever be accepted)");
    }

    private static void CheckNotNegative(decimal? value, string path, Action<string, string> problem)
    {
        if (value < 0) problem(path, $"{value} is negative");
    }
}
