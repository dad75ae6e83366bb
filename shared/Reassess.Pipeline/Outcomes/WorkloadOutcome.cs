using Reassess.Core.Outcomes;

namespace Reassess.Pipeline.Outcomes;

/// <summary>A workload's decisions, each judged as of <paramref name="AsOf"/>: what the API and <c>reassess outcome</c> answer.</summary>
public sealed record WorkloadOutcome(string WorkloadId, DateOnly AsOf, IReadOnlyList<DecisionOutcome> Decisions);
