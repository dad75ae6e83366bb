using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Core.Workloads;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Loads the workloads file into the Workloads table. A workload that fails validation is reported and its last good
/// version in storage stays in force; the others are stored.
/// </summary>
public sealed class SyncWorkloads(PipelineContext context)
{
    /// <summary>Loads the catalogue for <paramref name="week"/>'s reassessment (its run record is the week's).</summary>
    public Task<JobOutcome> RunAsync(IsoWeek week, CancellationToken cancellationToken = default) =>
        context.RunAsync(JobName.SyncWorkloads, week.ToString(), outcome => SyncAsync(outcome, cancellationToken), cancellationToken);

    private async Task SyncAsync(JobOutcome outcome, CancellationToken cancellationToken)
    {
        var path = context.Settings.Resolve(context.Settings.WorkloadsPath);
        context.Logger.LogInformation("Reading workloads from {Path}", path);
        try
        {
            await using var file = File.OpenRead(path);
            var now = context.Clock.GetUtcNow();
            var result = await new WorkloadCatalog().ReadAsync(file, path, new ReadContext(now, now), cancellationToken);
            await context.Workloads.UpsertAsync(result.Records, cancellationToken);
            outcome.Count("workloads stored", result.Records.Count);
            outcome.AddProblems(result.Rejected);
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
}
