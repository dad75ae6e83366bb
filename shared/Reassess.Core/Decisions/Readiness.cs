using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>The decision checklist: what a team must have before a fine-tune is more than a plan.</summary>
public static class Readiness
{
    public const long MinimumLabeledExamples = 1000;

    public static IReadOnlyList<string> Gaps(FineTuneSpec fineTune)
    {
        var gaps = new List<string>();
        if (fineTune.LabeledExamples < MinimumLabeledExamples)
            gaps.Add($"Only {Evidence.Count(fineTune.LabeledExamples)} labeled examples; at least {Evidence.Count(MinimumLabeledExamples)} needed.");
        if (!fineTune.HasEvalSuite)
            gaps.Add("No evaluation suite to compare the fine-tune against the baseline.");
        if (!fineTune.BaselineValidated)
            gaps.Add("Baseline not validated: measure the prompted model on the eval suite first.");
        return gaps;
    }
}
