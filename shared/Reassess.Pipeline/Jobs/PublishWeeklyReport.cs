using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;
using Reassess.Core.Time;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Renders the week's stored assessments (and the last 12 weeks of cost trends) into the report files and publishes them under <c>reports/{week}/</c> and
/// <c>reports/latest/</c>. The output depends only on stored data, so republishing a week writes the same bytes.
/// </summary>
public static class PublishWeeklyReport
{
    public const string JobName = "PublishWeeklyReport";

    public static async Task<(JobOutcome Outcome, IReadOnlyList<ReportFile> Files)> RunAsync(
        PipelineContext context, IsoWeek week, IReadOnlyList<InputProblem> skipped, CancellationToken cancellationToken = default)
    {
        var outcome = new JobOutcome(JobName, week.ToString(), context.Clock.GetUtcNow());
        var assessments = await context.Assessments.ListWeekAsync(week.ToString(), cancellationToken);
        var first = week;
        for (var i = 1; i < WeeklyReport.TrendWeeks; i++) first = first.Previous;
        var trends = await context.CostTrends.ListAsync(first, week, cancellationToken);
        var files = WeeklyReportRenderer.Render(new WeeklyReport
        {
            Week = week,
            AsOf = week.Start,
            Assessments = assessments,
            Skipped = skipped,
            Trends = trends,
            PriceAlerts = await Prices.PriceAlertLog.ForWeekAsync(context, week, cancellationToken),
        });

        await context.Reports.PublishAsync(week.ToString(), files.Select(f => (f.Name, f.Content, f.ContentType)).ToList(), cancellationToken);
        outcome.Count("assessments", assessments.Count);
        outcome.Count("report files", files.Count);
        context.Logger.LogInformation("Published {Files} report files for {Week} to blob container '{Container}' ({Week}/ and latest/)",
            files.Count, week, context.Account.Settings.ContainerName(context.Account.Settings.ReportsContainer), week);
        return (await context.FinishAsync(outcome, cancellationToken), files);
    }
}
