using Microsoft.AspNetCore.Http;
using Reassess.Pipeline;
using Reassess.Pipeline.Catalog;
using Reassess.Storage.Runs;

namespace Reassess.Api.Health;

/// <summary><c>GET /api/health</c> (no key): is storage reachable, and when did each job last run and how.</summary>
public sealed class HealthHandler(PipelineContext context)
{
    public sealed record JobHealth(string Period, RunStatus Status, DateTimeOffset FinishedAt, int Problems);

    public sealed record Report(string Status, bool StorageReachable, string? StorageError, IReadOnlyDictionary<string, JobHealth?> Jobs);

    public async Task<IResult> HandleAsync(CancellationToken cancellationToken)
    {
        var jobs = FunctionCatalog.Timers.Select(t => t.Name).Append("SyncWorkloads")
            .ToDictionary(name => name, _ => (JobHealth?)null, StringComparer.Ordinal);
        try
        {
            var now = context.Clock.GetUtcNow();
            var lastMonth = now.AddMonths(-1);
            var runs = (await context.Runs.ListMonthAsync(now.Year, now.Month, cancellationToken))
                .Concat(await context.Runs.ListMonthAsync(lastMonth.Year, lastMonth.Month, cancellationToken));
            foreach (var latest in runs.GroupBy(r => r.Job).Select(g => g.MaxBy(r => r.FinishedAt)!))
                jobs[latest.Job] = new JobHealth(latest.Period, latest.Status, latest.FinishedAt, latest.Problems.Count);
            return Json.Ok(new Report("ok", true, null, jobs));
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            return Json.Ok(new Report("unhealthy", false, $"Storage is not reachable ({e.Message.Split('\n')[0]}); check AzureWebJobsStorage.", jobs),
                StatusCodes.Status503ServiceUnavailable);
        }
    }
}
