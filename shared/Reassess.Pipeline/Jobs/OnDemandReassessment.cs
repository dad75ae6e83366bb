using Reassess.Core.Decisions;

namespace Reassess.Pipeline.Jobs;

/// <summary>An on-demand reassessment: its run, and the assessments it made and stored, by workload id.</summary>
public sealed record OnDemandReassessment(JobOutcome Outcome, IReadOnlyList<Assessment> Assessments);
