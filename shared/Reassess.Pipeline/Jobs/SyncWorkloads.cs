using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Core.Workloads;
using Reassess.Storage.Runs;
using Reassess.Storage.Tables;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Loads the workloads file into the Workloads table. A workload that fails validation is reported and its last good
/// version in storage stays in force; the others are stored.
/// </summary>
public sealed class SyncWorkloads(PipelineContext context)
{
    /// <summary>Loads the catalogue for <paramref name="week"/>'s reassessment (its run record is the week's).</summary>
    public Task<JobOutcome> RunAsync(IsoWeek week, CancellationToken cancellationToken = default) =>
        context.RunAsync(JobName.SyncWorkloads, RunPeriod.Week(week), outcome => SyncAsync(outcome, cancellationToken), cancellationToken);

    private async Task SyncAsync(JobOutcome outcome, CancellationToken cancellationToken)
    {
        var path = context.Settings.Resolve(context.Settings.WorkloadsPath);
        context.Logger.LogInformation("Reading workloads from {Path}", path);
        try
        {
            await using var file = File.OpenRead(path);
            var now = context.Clock.GetUtcNow();
            var result = await new WorkloadCatalog().ReadAsync(file, path, new ReadContext(now, now), cancellationToken);
            outcome.AddProblems(result.Rejected);
            outcome.Count("workloads stored", await StoreAsync(result.Records, path, outcome, cancellationToken));
        }
        catch (InputRejectedException e)
        {
            outcome.Fail(e.Problem);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            outcome.Fail(new InputProblem(path, "", $"cannot be read ({e.Message}); set Reassess__WorkloadsPath to the workloads file."));
        }
    }

    /// <summary>
    /// Stores the valid workloads together; if storage refuses that, one at a time, so a workload it refuses is reported
    /// (its last good version stays) and the others are stored. Storage being unavailable stops the run.
    /// </summary>
    private async Task<int> StoreAsync(IReadOnlyList<Workload> workloads, string path, JobOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await context.Workloads.UpsertAsync(workloads, cancellationToken);
            return workloads.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException && !StorageFailure.IsUnavailable(e))
        {
            var stored = 0;
            foreach (var workload in workloads)
            {
                try
                {
                    await context.Workloads.UpsertAsync([workload], cancellationToken);
                    stored++;
                }
                catch (Exception refused) when (refused is not OperationCanceledException && !StorageFailure.IsUnavailable(refused))
                {
                    outcome.AddProblem(new InputProblem(path, $"workload '{workload.Id}'", $"storage refused it ({refused.Message}); its last good version stays in force."));
                }
            }

            return stored;
        }
    }
}
