using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Storage.Runs;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// What the weekly report lists as skipped inputs: the problems recorded by the latest run of each job that feeds the
/// week (workloads, prices, usage, the reassessment) whose period is the week or one of its days. Read from the run
/// records, so the report is the same whichever host ran the jobs (a timer each, or <c>reassess run</c> in one go), and
/// each problem keeps the source and location its job found it at.
/// </summary>
public static class WeekInputProblems
{
    /// <summary>The jobs whose runs feed a week's assessments, in the order they run.</summary>
    public static IReadOnlyList<JobName> Inputs { get; } = [JobName.SyncWorkloads, JobName.RefreshPrices, JobName.IngestUsage, JobName.ReassessWorkloads];

    public static async Task<IReadOnlyList<InputProblem>> GatherAsync(RunStore runs, IsoWeek week, CancellationToken cancellationToken)
    {
        var days = Enumerable.Range(0, 7).Select(d => week.Monday.AddDays(d)).ToList();
        var periods = days.Select(RunPeriod.Day).Append(RunPeriod.Week(week)).ToHashSet();
        // A run is filed under the month of its period, and a week's days can fall in two months.
        var records = new List<RunRecord>();
        foreach (var (year, month) in days.Select(d => (d.Year, d.Month)).Distinct())
            records.AddRange(await runs.ListMonthAsync(year, month, cancellationToken));

        var problems = new List<InputProblem>();
        foreach (var job in Inputs)
        {
            var latest = records
                .Where(r => r.Job == job.ToString() && periods.Contains(r.Period))
                .MaxBy(r => r.StartedAt);
            if (latest is not null) problems.AddRange(latest.Problems);
        }

        return problems;
    }
}
