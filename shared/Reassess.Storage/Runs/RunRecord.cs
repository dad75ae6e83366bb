using Reassess.Core.Ingestion;

namespace Reassess.Storage.Runs;

/// <summary>
/// What one run of a job did for one period (<see cref="RunPeriod"/>): when it ran, how it ended, what it
/// counted and which problems it recorded and skipped. The run id <c>{job}|{period}</c> makes a re-run of the same
/// period replace its record rather than add one.
/// </summary>
public sealed record RunRecord
{
    public required string Job { get; init; }

    public required RunPeriod Period { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required RunStatus Status { get; init; }

    /// <summary>Named counts, e.g. <c>pricesWritten</c>, <c>workloadsAssessed</c>.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Each source, sheet, row or workload that was skipped: where (source and location) and what to fix, kept apart so
    /// that the weekly report lists them as the run found them.
    /// </summary>
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    public string RunId => $"{Job}|{Period}";
}

public enum RunStatus
{
    Succeeded,

    /// <summary>Finished, but some sources, sheets or workloads were skipped (see Problems).</summary>
    PartiallySucceeded,

    Failed,
}
