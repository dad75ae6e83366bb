namespace Reassess.Core.Decisions;

/// <summary>A workload that cannot be assessed as configured (a price it needs is missing); the message says what to add.</summary>
public sealed class AssessmentException(string workloadId, string message) : Exception($"workload '{workloadId}': {message}")
{
    public string WorkloadId { get; } = workloadId;
}
