using Microsoft.Extensions.Logging;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Storage.Blobs;
using Reassess.Storage.Runs;

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
        var phases = new PhaseTimes();
        var (report, count) = await StoredWeeklyReport.ReadAsync(context, week, phases, cancellationToken);
        IReadOnlyList<ReportFile> files;
        using (phases.Start("rendering"))
        {
            files = WeeklyReportRenderer.Render(report);
        }

        await phases.TimeAsync("publishing blobs", () => context.Reports.PublishAsync(week, files.Select(f => (f.Name, f.Content, f.ContentType)).ToList(), cancellationToken));
        context.Logger.LogInformation("{Job} {Week} time by phase: {Phases}", JobName.PublishWeeklyReport, week, phases);
        outcome.Count("assessments", count);
        outcome.Count("report files", files.Count);
        context.Logger.LogInformation("Published {Files} report files for {Week} to blob container '{Container}' ({WeekFolder}/ and {LatestFolder}/)",
            files.Count, week, context.Account.Settings.ContainerName(context.Account.Settings.ReportsContainer), ReportFolder.Of(week), ReportFolder.Latest);
        return files;
    }
}
