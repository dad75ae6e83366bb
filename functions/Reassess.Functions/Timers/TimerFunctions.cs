using Microsoft.Azure.Functions.Worker;
using Reassess.Api.Hosting;
using static Reassess.Pipeline.Catalog.FunctionCatalog;

namespace Reassess.Functions.Timers;

/// <summary>The four timers; schedules come from app settings named in the catalog (NCRONTAB, UTC).</summary>
public sealed class TimerFunctions(ReassessJobs jobs)
{
    // Attribute arguments must be constants, so the %Setting% names are spelled here; a test checks they match the catalog.
    [Function("RefreshPrices")]
    public Task RefreshPricesAsync([TimerTrigger("%PriceRefreshSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        jobs.RunAsync(RefreshPrices.Name, timer.IsPastDue, cancellationToken);

    [Function("IngestUsage")]
    public Task IngestUsageAsync([TimerTrigger("%UsageIngestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        jobs.RunAsync(IngestUsage.Name, timer.IsPastDue, cancellationToken);

    [Function("ReassessWorkloads")]
    public Task ReassessWorkloadsAsync([TimerTrigger("%ReassessSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        jobs.RunAsync(ReassessWorkloads.Name, timer.IsPastDue, cancellationToken);

    [Function("PublishWeeklyReport")]
    public Task PublishWeeklyReportAsync([TimerTrigger("%ReportSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        jobs.RunAsync(PublishWeeklyReport.Name, timer.IsPastDue, cancellationToken);
}
