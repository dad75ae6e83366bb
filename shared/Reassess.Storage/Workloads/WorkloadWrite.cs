using Azure;
using Reassess.Core.Workloads;

namespace Reassess.Storage.Workloads;

/// <summary>A workload as stored, with the ETag of its row (what <c>If-Match</c> must name to replace it).</summary>
public sealed record StoredWorkload(Workload Workload, ETag ETag);

/// <summary>When a single workload write may happen.</summary>
/// <param name="IfMatch">Only if the stored row still has this ETag (HTTP <c>If-Match</c>).</param>
/// <param name="IfNoneExists">Only if no workload has the id yet (HTTP <c>If-None-Match: *</c>).</param>
public sealed record WriteCondition(ETag? IfMatch = null, bool IfNoneExists = false)
{
    public static WriteCondition None { get; } = new();
}

public enum WorkloadWriteOutcome
{
    Created,
    Replaced,

    /// <summary>The condition did not hold: nothing was written.</summary>
    PreconditionFailed,
}

/// <summary>What a single write did, and the row's new ETag when it wrote.</summary>
public sealed record WorkloadWrite(WorkloadWriteOutcome Outcome, ETag? ETag);
