using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Storage.Runs;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// What the weekly report lists as skipped inputs: the problems recorded by the latest run of each job that feeds the
/// week (workloads, prices, usage, the reassessment) whose period is the week or one of its days, and those of the
/// latest delivery of the previous week's report: it goes out after that report was written, so what failed to reach
/// a team can only show in the next one. Read from the run records, so the report is the same whichever host ran the
/// jobs (a timer each, or <c>reassess run</c> in one go), and each problem keeps the source and location its job found
/// it at.
/// </summary>
public static class WeekInputProblems
{
    /// <summary>The jobs whose runs feed a week's assessments, in the order they run.</summary>
    public static IReadOnlyList<JobName> Inputs { get; } = [JobName.SyncWorkloads, JobName.RefreshPrices, JobName.IngestUsage, JobName.ReassessWorkloads];

    public static async Task<IReadOnlyList<InputProblem>> GatherAsync(RunStore runs, IsoWeek week, CancellationToken cancellationToken)
    {
        var days = Enumerable.Range(0, 7).Select(d => week.Monday.AddDays(d)).ToList();
        var periods = days.Select(RunPeriod.Day).Append(RunPeriod.Week(week)).ToHashSet();
        var delivered = RunPeriod.Week(week.Previous);
        // A run is filed under the month of its period: a week's days can fall in two months, and the previous week's
        // Monday in the month before them.
        var records = new List<RunRecord>();
        foreach (var (year, month) in days.Append(week.Previous.Monday).Select(d => (d.Year, d.Month)).Distinct())
            records.AddRange(await runs.ListMonthAsync(year, month, cancellationToken));

        var problems = new List<InputProblem>();
        foreach (var job in Inputs)
            problems.AddRange(LatestRun(records, job, periods.Contains)?.Problems ?? []);
        problems.AddRange(LatestRun(records, JobName.DeliverWeeklyReport, p => p == delivered)?.Problems ?? []);
        return problems;
    }

    private static RunRecord? LatestRun(IEnumerable<RunRecord> records, JobName job, Func<RunPeriod, bool> covers) =>
        records.Where(r => r.Job == job.ToString() && covers(r.Period)).MaxBy(r => r.StartedAt);
}
