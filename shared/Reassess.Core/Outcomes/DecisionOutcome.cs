namespace Reassess.Core.Outcomes;

/// <summary>
/// One decision's answer to "did it pay?": the decision, the forecast it is judged against and the outcome, or, when
/// there is no forecast or nothing to judge yet, why not (<see cref="EvidenceGaps"/>): a gap in the evidence, not an error.
/// </summary>
public sealed record DecisionOutcome
{
    public required WorkloadDecision Decision { get; init; }
    public Forecast? Forecast { get; init; }
    public Outcome? Outcome { get; init; }

    /// <summary>The one-line verdict: the outcome's, or what keeps it from having one.</summary>
    public required string Verdict { get; init; }

    public IReadOnlyList<string> EvidenceGaps { get; init; } = [];

    /// <summary>The answer for a decision that cannot be judged, for the reason given.</summary>
    public static DecisionOutcome Unjudged(WorkloadDecision decision, Forecast? forecast, string gap) =>
        new() { Decision = decision, Forecast = forecast, Verdict = $"no evidence yet: {gap}", EvidenceGaps = [gap] };
}
