using Reassess.Core.Outcomes;

namespace Reassess.Core.Reporting;

/// <summary>One decision a team recorded on a workload, and how it has turned out as of the report's week.</summary>
public sealed record DidItPayEntry(string WorkloadId, string WorkloadName, string Team, DecisionOutcome Outcome)
{
    public WorkloadDecision Decision => Outcome.Decision;

    /// <summary>The order the report and its summary list decisions in: by team, workload, then decision day.</summary>
    public static IEnumerable<DidItPayEntry> InReportOrder(IEnumerable<DidItPayEntry> entries) =>
        entries.OrderBy(e => e.Team, StringComparer.Ordinal).ThenBy(e => e.WorkloadId, StringComparer.Ordinal).ThenBy(e => e.Decision.Date);

    /// <summary>What the team did, in a reader's words: "fine-tuned to X", "routed to X", "stayed on X".</summary>
    public string ActionText => Decision.Action switch
    {
        DecisionAction.FineTune => $"fine-tuned to {Decision.Model}",
        DecisionAction.Route => $"routed to {Decision.Model}",
        _ => $"stayed on {Decision.Model}",
    };
}
