using System.Diagnostics;
using Reassess.Core.Ingestion;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Runs;

namespace Reassess.Pipeline;

/// <summary>
/// What one job did for one period: counts worth logging, and every input it skipped or rejected with why. It carries
/// the run's span (<see cref="PipelineContext.RunAsync"/>): finishing the run ends it with the counts, disposing an
/// unfinished run ends it as failed.
/// </summary>
public sealed class JobOutcome(JobName job, RunPeriod period, DateTimeOffset startedAt, Activity? span = null) : IDisposable
{
    private bool _finished;

    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<InputProblem> _problems = [];

    public JobName Job { get; } = job;
    public RunPeriod Period { get; } = period;
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

    /// <summary>Puts what the run did on its span.</summary>
    internal void Finish()
    {
        _finished = true;
        if (span is null) return;
        foreach (var (what, count) in _counts) span.SetTag($"reassess.count.{what.Replace(' ', '_')}", count);
        span.SetTag("reassess.problems", _problems.Count);
        span.SetStatus(Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok, Failed ? _problems.LastOrDefault()?.ToString() : null);
    }

    public void Dispose()
    {
        if (!_finished) span?.SetStatus(ActivityStatusCode.Error, "the run ended before it finished (an exception; see the logs)");
        span?.Dispose();
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
