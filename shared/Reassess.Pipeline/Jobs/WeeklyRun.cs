using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;
using Reassess.Core.Time;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// The whole pipeline once, as <c>reassess run</c> does it: workloads → prices → usage → reassess each week → report.
/// Reassessing several weeks (oldest first) builds the history that flips are detected against.
/// </summary>
public static class WeeklyRun
{
    public sealed record Result(IsoWeek Week, IReadOnlyList<JobOutcome> Outcomes, IReadOnlyList<ReportFile> Files)
    {
        public IReadOnlyList<InputProblem> Problems => Outcomes.SelectMany(o => o.Problems).ToList();
        public bool Failed => Outcomes.Any(o => o.Failed);
    }

    public static async Task<Result> RunAsync(PipelineContext context, DateTimeOffset asOf, int weeks, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var week = IsoWeek.Of(asOf);
        var outcomes = new List<JobOutcome>();
        void Step(int n, string what) => context.Logger.LogInformation("[{Step}/5] {What}", n, what);

        Step(1, "Workloads");
        outcomes.Add(await SyncWorkloads.RunAsync(context, week.ToString(), cancellationToken));
        Step(2, "Prices");
        outcomes.Add(await RefreshPrices.RunAsync(context, week.Start, cancellationToken));
        Step(3, "Usage");
        outcomes.Add(await IngestUsage.RunAsync(context, week.ToString(), cancellationToken));

        Step(4, weeks == 1 ? $"Reassess {week}" : $"Reassess {weeks} weeks up to {week}");
        var first = week;
        for (var i = 1; i < weeks; i++) first = first.Previous;
        JobOutcome? latest = null;
        for (var w = first; w.CompareTo(week) <= 0; w = w.Next)
            latest = await ReassessWorkloads.RunAsync(context, w, cancellationToken);
        outcomes.Add(latest!);

        Step(5, $"Weekly report {week}");
        var skipped = outcomes.SelectMany(o => o.Problems).ToList();
        var (published, files) = await PublishWeeklyReport.RunAsync(context, week, skipped, cancellationToken);
        outcomes.Add(published);
        return new Result(week, outcomes, files);
    }
}
