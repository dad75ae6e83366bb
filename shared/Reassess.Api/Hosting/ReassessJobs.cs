using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Pipeline;
using Reassess.Pipeline.Catalog;
using Reassess.Pipeline.Jobs;

namespace Reassess.Api.Hosting;

/// <summary>
/// What each timer function does, behind the job gate so that a timer run, an HTTP run and another host never run
/// the same job at once. The Functions triggers and the self-hosted scheduler both call <see cref="RunAsync"/>.
/// </summary>
public sealed class ReassessJobs(PipelineContext context, IJobGate gate)
{
    /// <summary>A timer waits this long for a run of the same job to finish before giving up this occurrence.</summary>
    public static readonly TimeSpan TimerWait = TimeSpan.FromMinutes(10);

    /// <summary>Runs the job once it holds the job's gate (the Functions timers: their own singleton lock is another one).</summary>
    public async Task RunAsync(string functionName, bool isPastDue, CancellationToken cancellationToken)
    {
        await using var entered = await gate.TryEnterAsync(functionName, TimerWait, cancellationToken);
        if (entered is null)
        {
            context.Logger.LogWarning("{Function} skipped: another run held the job for {Minutes} minutes.", functionName, TimerWait.TotalMinutes);
            return;
        }

        await RunHeldAsync(functionName, isPastDue, scheduledFor: null, cancellationToken);
    }

    /// <summary>
    /// Runs the job for a caller that already holds its gate (the self-hosted scheduler takes the same lease). A
    /// catch-up of a missed occurrence works on the period it was scheduled for, not the one it happens to run in.
    /// </summary>
    public async Task RunHeldAsync(string functionName, bool isPastDue, DateTimeOffset? scheduledFor, CancellationToken cancellationToken)
    {
        if (isPastDue) context.Logger.LogWarning("{Function} is past due: running the missed occurrence now.", functionName);
        var now = scheduledFor ?? context.Clock.GetUtcNow();
        var week = IsoWeek.Of(now);
        switch (functionName)
        {
            case var name when name == FunctionCatalog.RefreshPrices.Name:
                await RefreshPrices.RunAsync(context, now, cancellationToken);
                break;
            case var name when name == FunctionCatalog.IngestUsage.Name:
                await IngestUsage.RunAsync(context, now.ToString("yyyy-MM-dd"), cancellationToken);
                break;
            case var name when name == FunctionCatalog.ReassessWorkloads.Name:
                await SyncWorkloads.RunAsync(context, week.ToString(), cancellationToken);
                await ReassessWorkloads.RunAsync(context, week, cancellationToken);
                break;
            case var name when name == FunctionCatalog.PublishWeeklyReport.Name:
                await PublishWeeklyReport.RunAsync(context, week, await SkippedThisWeekAsync(week, cancellationToken), cancellationToken);
                break;
            default:
                throw new ArgumentException($"'{functionName}' is not a timer function; see FunctionCatalog.Timers.", nameof(functionName));
        }
    }

    /// <summary>What the week's reassessment skipped, from its run record, so the report lists it.</summary>
    private async Task<IReadOnlyList<InputProblem>> SkippedThisWeekAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var runs = new[] { SyncWorkloads.JobName, ReassessWorkloads.JobName };
        var skipped = new List<InputProblem>();
        foreach (var job in runs)
            if (await context.Runs.GetAsync(job, week.ToString(), cancellationToken) is { } run)
                skipped.AddRange(run.Problems.Select(p => new InputProblem(job, "", p)));
        return skipped;
    }
}
