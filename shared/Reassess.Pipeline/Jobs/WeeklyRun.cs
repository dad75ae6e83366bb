using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;
using Reassess.Core.Time;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// The whole pipeline once, as <c>reassess run</c> does it: workloads → prices → usage → reassess each week → report.
/// Reassessing several weeks (oldest first) builds the history that flips are detected against. Each job keeps its
/// own run record, as when the timers run them, so the report is made the same way either way.
/// </summary>
public sealed class WeeklyRun(PipelineContext context)
{
    public sealed record Result(IsoWeek Week, IReadOnlyList<JobOutcome> Outcomes, IReadOnlyList<ReportFile> Files)
    {
        public IReadOnlyList<InputProblem> Problems => Outcomes.SelectMany(o => o.Problems).ToList();
        public bool Failed => Outcomes.Any(o => o.Failed);
    }

    /// <summary>The week containing <paramref name="asOf"/>, with its inputs read as of that week's Monday.</summary>
    public async Task<Result> RunAsync(DateTimeOffset asOf, int weeks, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var week = IsoWeek.Of(asOf);
        var outcomes = new List<JobOutcome>();
        void Step(int n, string what) => context.Logger.LogInformation("[{Step}/5] {What}", n, what);

        Step(1, "Workloads");
        outcomes.Add(await new SyncWorkloads(context).RunAsync(week, cancellationToken));
        Step(2, "Prices");
        outcomes.Add(await new RefreshPrices(context).RunAsync(week.Start, cancellationToken));
        Step(3, "Usage");
        outcomes.Add(await new IngestUsage(context).RunAsync(DateOnly.FromDateTime(week.Start.UtcDateTime), cancellationToken));

        Step(4, weeks == 1 ? $"Reassess {week}" : $"Reassess {weeks} weeks up to {week}");
        var first = week;
        for (var i = 1; i < weeks; i++) first = first.Previous;
        var reassess = new ReassessWorkloads(context);
        JobOutcome? latest = null;
        for (var w = first; w.CompareTo(week) <= 0; w = w.Next)
            latest = await reassess.RunAsync(w, cancellationToken);
        outcomes.Add(latest!);

        Step(5, $"Weekly report {week}");
        var (published, files) = await new PublishWeeklyReport(context).RunAsync(week, cancellationToken);
        outcomes.Add(published);
        return new Result(week, outcomes, files);
    }
}
