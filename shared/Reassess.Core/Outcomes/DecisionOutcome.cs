namespace Reassess.Core.Outcomes;

/// <summary>One decision a team recorded on a workload, and how it has turned out as of the report's week.</summary>
public sealed record DecisionOutcome(string WorkloadId, string WorkloadName, string Team, WorkloadDecision Decision, Outcome Outcome)
{
    /// <summary>What the team did, in a reader's words: "fine-tuned to X", "switched to X", "stayed on X".</summary>
    public string ActionText => Decision.Action switch
    {
        DecisionAction.FineTune => $"fine-tuned to {Decision.Model}",
        DecisionAction.Route => $"routed to {Decision.Model}",
        _ => $"stayed on {Decision.Model}",
    };
}
