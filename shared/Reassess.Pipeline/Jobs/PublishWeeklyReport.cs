using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Storage.Blobs;
using Reassess.Storage.Runs;
using Reassess.Storage.Tables;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Renders the week's stored assessments (and the last 12 weeks of cost trends) into the report files and publishes them as the week's report and as the
/// latest (<see cref="Reassess.Storage.Blobs.ReportStore"/>). The week's skipped inputs come from the run records of the jobs that fed it
/// (<see cref="WeekInputProblems"/>). The output depends only on stored data, so republishing a week writes the same
/// bytes, whichever host ran the jobs.
/// </summary>
public sealed class PublishWeeklyReport(PipelineContext context) : ITimerJob
{
    Task ITimerJob.RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken) => RunAsync(IsoWeek.Of(occurrence), cancellationToken);

    public async Task<(JobOutcome Outcome, IReadOnlyList<ReportFile> Files)> RunAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ReportFile> files = [];
        var outcome = await context.RunAsync(JobName.PublishWeeklyReport, RunPeriod.Week(week),
            async run => files = await PublishAsync(run, week, cancellationToken), cancellationToken);
        return (outcome, files);
    }

    private async Task<IReadOnlyList<ReportFile>> PublishAsync(JobOutcome outcome, IsoWeek week, CancellationToken cancellationToken)
    {
        var skipped = await WeekInputProblems.GatherAsync(context.Runs, week, cancellationToken);
        var phases = new PhaseTimes();
        // Totals and the selection come from a few columns of every row; full assessments only for what is detailed,
        // so a week of 100,000 assessments never sits in memory at once.
        var assessments = new WeeklyReportBuilder();
        await phases.TimeAsync("reading key figures", async () =>
        {
            foreach (var shard in StorageKeys.AllShards)
                foreach (var figures in await context.Assessments.ListWeekFiguresAsync(week, shard, cancellationToken))
                    assessments.Add(figures);
        });
        var detailed = await phases.TimeAsync("reading detailed assessments", () => DetailedAsync(week, assessments, cancellationToken));
        var first = week;
        for (var i = 1; i < WeeklyReport.TrendWeeks; i++) first = first.Previous;
        var trends = await phases.TimeAsync("reading cost trends", () => context.CostTrends.ListAsync(first, week, cancellationToken));
        var alerts = await Prices.PriceAlertLog.ForWeekAsync(context, week, cancellationToken);
        IReadOnlyList<ReportFile> files;
        using (phases.Start("rendering"))
        {
            files = WeeklyReportRenderer.Render(assessments.Build(new WeeklyReport
            {
                Week = week,
                AsOf = week.Start,
                Skipped = skipped,
                Trends = trends,
                PriceAlerts = alerts,
            }, detailed));
        }

        await phases.TimeAsync("publishing blobs", () => context.Reports.PublishAsync(week, files.Select(f => (f.Name, f.Content, f.ContentType)).ToList(), cancellationToken));
        context.Logger.LogInformation("{Job} {Week} time by phase: {Phases}", JobName.PublishWeeklyReport, week, phases);
        outcome.Count("assessments", assessments.Count);
        outcome.Count("report files", files.Count);
        context.Logger.LogInformation("Published {Files} report files for {Week} to blob container '{Container}' ({WeekFolder}/ and {LatestFolder}/)",
            files.Count, week, context.Account.Settings.ContainerName(context.Account.Settings.ReportsContainer), ReportFolder.Of(week), ReportFolder.Latest);
        return files;
    }

    private async Task<IReadOnlyList<Core.Decisions.Assessment>> DetailedAsync(
        IsoWeek week, WeeklyReportBuilder builder, CancellationToken cancellationToken)
    {
        if (builder.DetailsAll) return await context.Assessments.ListWeekAsync(week, cancellationToken);
        var detailed = new System.Collections.Concurrent.ConcurrentBag<Core.Decisions.Assessment>();
        await Parallel.ForEachAsync(builder.Selected(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await context.Assessments.GetWeekAsync(id, week, ct) is { } assessment) detailed.Add(assessment);
        });
        return [.. detailed];
    }
}
