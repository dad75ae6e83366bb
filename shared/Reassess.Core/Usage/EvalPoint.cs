namespace Reassess.Core.Usage;

/// <summary>One run of a workload's evaluation suite against the baseline: its score on the suite's own scale (0–100).</summary>
public sealed record EvalPoint
{
    public required string WorkloadId { get; init; }
    public required DateOnly Day { get; init; }
    public required string Suite { get; init; }
    public required decimal Score { get; init; }
}
