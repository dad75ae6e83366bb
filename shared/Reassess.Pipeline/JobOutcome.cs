using Reassess.Core.Ingestion;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Runs;

namespace Reassess.Pipeline;

/// <summary>What one job did for one period: counts worth logging, and every input it skipped or rejected with why.</summary>
public sealed class JobOutcome(JobName job, string period, DateTimeOffset startedAt)
{
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<InputProblem> _problems = [];

    public JobName Job { get; } = job;
    public string Period { get; } = period;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public IReadOnlyDictionary<string, long> Counts => _counts;
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>Set when the job could not do its work at all (as opposed to skipping some inputs).</summary>
    public bool Failed { get; private set; }

    public void Count(string what, long by = 1) => _counts[what] = _counts.GetValueOrDefault(what) + by;

    public void AddProblem(InputProblem problem) => _problems.Add(problem);

    public void AddProblems(IEnumerable<InputProblem> problems) => _problems.AddRange(problems);

    public void Fail(InputProblem problem)
    {
        Failed = true;
        _problems.Add(problem);
    }

    public RunRecord ToRunRecord(DateTimeOffset finishedAt) => new()
    {
        Job = Job.ToString(),
        Period = Period,
        StartedAt = StartedAt,
        FinishedAt = finishedAt,
        Status = Failed ? RunStatus.Failed : _problems.Count > 0 ? RunStatus.PartiallySucceeded : RunStatus.Succeeded,
        Counts = new Dictionary<string, long>(_counts),
        Problems = [.. _problems],
    };

    public string Summary() => string.Join(", ", _counts.Select(c => $"{c.Value:N0} {c.Key}"))
        + (_problems.Count > 0 ? $"; {_problems.Count} problem(s)" : "");
}
