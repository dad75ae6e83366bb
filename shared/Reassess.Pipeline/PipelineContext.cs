using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Prices;
using Reassess.Pipeline.Telemetry;
using Reassess.Pipeline.Usage;
using Reassess.Storage.Assessments;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Storage.Decisions;
using Reassess.Storage.Deliveries;
using Reassess.Storage.Prices;
using Reassess.Storage.Runs;
using Reassess.Storage.Trends;
using Reassess.Storage.Usage;
using Reassess.Storage.Workloads;

namespace Reassess.Pipeline;

/// <summary>
/// What every job is handed: the stores over one storage account, where sources are and how to reach them (HTTP
/// clients, keys, credentials), the clock and a logger. The hosts make one in their service container.
/// </summary>
public sealed class PipelineContext(
    StorageAccount account, PipelineSettings settings, PriceRefreshOptions priceRefresh, UsageIngestOptions usageIngest, TimeProvider clock, ILogger logger)
{
    public StorageAccount Account { get; } = account;
    public PipelineSettings Settings { get; } = settings;
    public PriceRefreshOptions PriceRefresh { get; } = priceRefresh;
    public UsageIngestOptions UsageIngest { get; } = usageIngest;
    public TimeProvider Clock { get; } = clock;
    public ILogger Logger { get; } = logger;

    public WorkloadStore Workloads { get; } = new(account);
    public PriceStore Prices { get; } = new(account);
    public UsageStore Usage { get; } = new(account);
    public AssessmentStore Assessments { get; } = new(account);
    public CostTrendStore CostTrends { get; } = new(account);
    public RunStore Runs { get; } = new(account);
    public ReportStore Reports { get; } = new(account);
    public PriceSheetArchive PriceSheets { get; } = new(account);
    public DeliveryStore Deliveries { get; } = new(account, clock);
    public DecisionStore Decisions { get; } = new(account);
    public ReportLinks ReportLinks { get; } = new(account, clock);

    private const int MaxProblemsLogged = 50;

    /// <summary>
    /// Runs <paramref name="work"/> as a run of <paramref name="job"/> for <paramref name="period"/>: with its span, and
    /// recorded when it ends. A run that stops with an exception is recorded as failed (when storage still answers) and
    /// logged, so it shows in <c>/api/health</c> and the next report, and the exception goes on to the caller.
    /// </summary>
    public async Task<JobOutcome> RunAsync(JobName job, RunPeriod period, Func<JobOutcome, Task> work, CancellationToken cancellationToken)
    {
        using var outcome = new JobOutcome(job, period, Clock.GetUtcNow(), JobTelemetry.StartRun(job, period));
        try
        {
            await work(outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome.Fail(new InputProblem(job.ToString(), period.Label, $"the run stopped: {e.Message} Nothing after that point was done; fix the cause and run it again."));
            await RecordStoppedAsync(outcome, e);
            throw;
        }

        return await FinishAsync(outcome, cancellationToken);
    }

    private async Task RecordStoppedAsync(JobOutcome outcome, Exception stopped)
    {
        Logger.LogError(stopped, "{Job} {Period} stopped: {Message}", outcome.Job, outcome.Period, stopped.Message);
        try
        {
            // Not the run's token: a run cut short still deserves its record.
            await FinishAsync(outcome, CancellationToken.None);
        }
        catch (Exception e)
        {
            Logger.LogError("{Job} {Period}: its failure could not be recorded either ({Message}).", outcome.Job, outcome.Period, e.Message);
        }
    }

    /// <summary>Records the run (one row per job and period, so a rerun replaces it) and logs its summary.</summary>
    private async Task<JobOutcome> FinishAsync(JobOutcome outcome, CancellationToken cancellationToken)
    {
        outcome.Finish();
        await Runs.SaveAsync(outcome.ToRunRecord(Clock.GetUtcNow()), cancellationToken);
        var elapsed = Clock.GetUtcNow() - outcome.StartedAt;
        Logger.LogInformation("{Job} {Period}: {Summary} in {Seconds:0.0}s", outcome.Job, outcome.Period, outcome.Summary(), elapsed.TotalSeconds);
        // Each problem is in the run record; the log names the first ones, so a run with thousands stays readable.
        foreach (var problem in outcome.Problems.Take(MaxProblemsLogged))
            Logger.LogWarning("{Job}: skipped {Problem}", outcome.Job, problem.ToString());
        if (outcome.Problems.Count > MaxProblemsLogged)
            Logger.LogWarning("{Job}: … and {More:N0} more skipped inputs, listed in the run record and the weekly report", outcome.Job, outcome.Problems.Count - MaxProblemsLogged);
        return outcome;
    }
}
