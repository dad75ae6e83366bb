using Reassess.Core.Decisions;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Pipeline.Outcomes;
using Reassess.Storage.Tables;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// A week's report as stored data gives it: the key figures of every assessment, the full assessments the report
/// details, twelve weeks of cost trends, the price alerts and the week's skipped inputs. The report job renders it and
/// the delivery job tells each team its part, so both say the same.
/// </summary>
internal static class StoredWeeklyReport
{
    public static async Task<(WeeklyReport Report, int Assessments)> ReadAsync(
        PipelineContext context, IsoWeek week, PhaseTimes phases, CancellationToken cancellationToken)
    {
        var skipped = await WeekInputProblems.GatherAsync(context.Runs, week, cancellationToken);
        // Totals and the selection come from a few columns of every row; full assessments only for what is detailed,
        // so a week of 100,000 assessments never sits in memory at once.
        var assessments = new WeeklyReportBuilder();
        await phases.TimeAsync("reading key figures", async () =>
        {
            foreach (var shard in StorageKeys.AllShards)
                foreach (var figures in await context.Assessments.ListWeekFiguresAsync(week, shard, cancellationToken))
                    assessments.Add(figures);
        });
        var detailed = await phases.TimeAsync("reading detailed assessments", () => DetailedAsync(context, week, assessments, cancellationToken));
        var first = week;
        for (var i = 1; i < WeeklyReport.TrendWeeks; i++) first = first.Previous;
        var trends = await phases.TimeAsync("reading cost trends", () => context.CostTrends.ListAsync(first, week, cancellationToken));
        var alerts = await Prices.PriceAlertLog.ForWeekAsync(context, week, cancellationToken);
        var outcomes = await phases.TimeAsync("judging decisions", () => DidItPayAsync(context, week, cancellationToken));
        var report = assessments.Build(new WeeklyReport
        {
            Week = week,
            AsOf = week.Start,
            Skipped = skipped,
            Trends = trends,
            PriceAlerts = alerts,
            Outcomes = outcomes,
        }, detailed);
        return (report, assessments.Count);
    }

    /// <summary>
    /// Each decision a team recorded, judged as of the Sunday before the week (the last whole day its report can
    /// count); nothing is read when no workload has a decision.
    /// </summary>
    private static async Task<IReadOnlyList<DidItPayEntry>> DidItPayAsync(PipelineContext context, IsoWeek week, CancellationToken cancellationToken)
    {
        var recorded = await context.Decisions.WorkloadIdsAsync(cancellationToken);
        var deciding = (await context.Workloads.GetAllAsync(cancellationToken)).Where(w => w.Decisions.Count > 0 || recorded.Contains(w.Id)).ToList();
        if (deciding.Count == 0) return [];
        var prices = await PriceTimeline.ReadAsync(context, cancellationToken);
        var asOf = week.Monday.AddDays(-1);
        var entries = new List<DidItPayEntry>();
        foreach (var workload in deciding)
            foreach (var decision in (await WorkloadOutcomes.OfAsync(context, workload, asOf, prices, cancellationToken)).Decisions)
                entries.Add(new DidItPayEntry(workload.Id, workload.Name, workload.Team, decision));
        return entries;
    }

    private static async Task<IReadOnlyList<Assessment>> DetailedAsync(
        PipelineContext context, IsoWeek week, WeeklyReportBuilder builder, CancellationToken cancellationToken)
    {
        if (builder.DetailsAll) return await context.Assessments.ListWeekAsync(week, cancellationToken);
        var detailed = new System.Collections.Concurrent.ConcurrentBag<Assessment>();
        await Parallel.ForEachAsync(builder.Selected(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await context.Assessments.GetWeekAsync(id, week, ct) is { } assessment) detailed.Add(assessment);
        });
        return [.. detailed];
    }
}
