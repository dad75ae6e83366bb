using Microsoft.AspNetCore.Http;
using Reassess.Pipeline;
using Reassess.Core.Time;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Deliveries;
using Reassess.Storage.Runs;
using Reassess.Storage.Tables;

namespace Reassess.Api.Health;

/// <summary>
/// <c>GET /api/health</c> (no key): is storage reachable, when did each job last run and how, and which of this week's
/// and last week's messages to teams failed and were not sent since, so whoever watches the service sees them before a
/// team asks where its report went.
/// </summary>
public sealed class HealthHandler(PipelineContext context)
{
    public sealed record JobHealth(string Period, RunStatus Status, DateTimeOffset FinishedAt, int Problems);

    /// <summary>
    /// One message that failed. Built from the delivery record's team, channel name and redacted reason only: the
    /// answer needs no key, so it never carries where the message goes (a webhook URL holds its key).
    /// </summary>
    /// <param name="Key">What the message was of: its week (<c>2026-W48</c>).</param>
    /// <param name="FailedAt">When the last send gave up.</param>
    public sealed record FailedDelivery(string Key, string Team, string Channel, int Attempts, string? Reason, DateTimeOffset? FailedAt)
    {
        internal static FailedDelivery Of(DeliveryRecord record) =>
            new(record.Key.Value, record.Team, record.Channel, record.Attempts, record.Reason, record.FinishedAt);
    }

    /// <param name="FailedDeliveries">Empty when storage could not be read, which <paramref name="StorageReachable"/> then says.</param>
    public sealed record Report(
        string Status, bool StorageReachable, string? StorageError, IReadOnlyDictionary<string, JobHealth?> Jobs, IReadOnlyList<FailedDelivery> FailedDeliveries);

    /// <summary>
    /// How long the storage check may take. Storage clients retry for about half a minute before giving up, which is
    /// right for a job and wrong for a probe: a load balancer or a person asking wants an answer now.
    /// </summary>
    public static readonly TimeSpan StorageCheckTimeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> HandleAsync(CancellationToken requestAborted)
    {
        var jobs = Enum.GetNames<JobName>().ToDictionary(name => name, _ => (JobHealth?)null, StringComparer.Ordinal);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(StorageCheckTimeout);
        var cancellationToken = timeout.Token;
        try
        {
            var now = context.Clock.GetUtcNow();
            var lastMonth = now.AddMonths(-1);
            var runs = (await context.Runs.ListMonthAsync(now.Year, now.Month, cancellationToken))
                .Concat(await context.Runs.ListMonthAsync(lastMonth.Year, lastMonth.Month, cancellationToken));
            foreach (var latest in runs.GroupBy(r => r.Job).Select(g => g.MaxBy(r => r.FinishedAt)!))
                jobs[latest.Job] = new JobHealth(latest.Period.Label, latest.Status, latest.FinishedAt, latest.Problems.Count);
            var failed = await FailedDeliveriesAsync(IsoWeek.Of(now), cancellationToken);
            return Json.Ok(new Report("ok", true, null, jobs, failed));
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return Json.Ok(new Report("unhealthy", false,
                    $"Storage did not answer within {StorageCheckTimeout.TotalSeconds:0} s; check AzureWebJobsStorage and that the account (or Azurite) is running.", jobs, []),
                StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (StorageFailure.IsRequestFailure(e) || e is StorageReadException or HttpRequestException or AggregateException)
        {
            return Json.Ok(new Report("unhealthy", false, $"Storage is not reachable ({e.Message.Split('\n')[0]}); check AzureWebJobsStorage.", jobs, []),
                StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>
    /// The deliveries of this week's and last week's messages: a week's report goes out the Monday after it, so either
    /// can be the one a team is missing now.
    /// </summary>
    private async Task<IReadOnlyList<FailedDelivery>> FailedDeliveriesAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var failed = new List<FailedDelivery>();
        foreach (var each in new[] { week, week.Previous })
            failed.AddRange((await context.Deliveries.FailedAsync(each, cancellationToken)).Select(FailedDelivery.Of));
        return failed;
    }
}
