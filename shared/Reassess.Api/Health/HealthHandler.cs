using Microsoft.AspNetCore.Http;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Runs;
using Reassess.Storage.Tables;

namespace Reassess.Api.Health;

/// <summary><c>GET /api/health</c> (no key): is storage reachable, and when did each job last run and how.</summary>
public sealed class HealthHandler(PipelineContext context)
{
    public sealed record JobHealth(string Period, RunStatus Status, DateTimeOffset FinishedAt, int Problems);

    public sealed record Report(string Status, bool StorageReachable, string? StorageError, IReadOnlyDictionary<string, JobHealth?> Jobs);

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
            return Json.Ok(new Report("ok", true, null, jobs));
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return Json.Ok(new Report("unhealthy", false,
                    $"Storage did not answer within {StorageCheckTimeout.TotalSeconds:0} s; check AzureWebJobsStorage and that the account (or Azurite) is running.", jobs),
                StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (StorageFailure.IsRequestFailure(e) || e is HttpRequestException or AggregateException)
        {
            return Json.Ok(new Report("unhealthy", false, $"Storage is not reachable ({e.Message.Split('\n')[0]}); check AzureWebJobsStorage.", jobs),
                StatusCodes.Status503ServiceUnavailable);
        }
    }
}
