using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>
/// The decision checklist: what a team must have before a fine-tune is more than a plan. With a quality target that
/// includes evidence the fine-tune reaches it: a pilot's score on the eval suite, at least the target.
/// </summary>
public static class Readiness
{
    public const long MinimumLabeledExamples = 1000;

    public static IReadOnlyList<string> Gaps(FineTuneSpec fineTune, decimal? qualityTarget)
    {
        var gaps = new List<string>();
        if (fineTune.LabeledExamples < MinimumLabeledExamples)
            gaps.Add($"Only {Evidence.Count(fineTune.LabeledExamples)} labeled examples; at least {Evidence.Count(MinimumLabeledExamples)} needed.");
        if (!fineTune.HasEvalSuite)
            gaps.Add("No evaluation suite to compare the fine-tune against the baseline.");
        if (!fineTune.BaselineValidated)
            gaps.Add("Baseline not validated: measure the prompted model on the eval suite first.");
        if (qualityTarget is { } target)
        {
            if (fineTune.PilotEvalScore is not { } pilot)
                gaps.Add("No pilot evaluation of the fine-tuned candidate: run a small pilot and score it on the eval suite.");
            else if (pilot < target)
                gaps.Add($"Pilot scored {Evidence.Number(pilot, "0.0")} < target {Evidence.Number(target, "0.0")}: the fine-tune does not yet reach the target; improve the data or the base model and pilot again.");
        }

        return gaps;
    }
}
