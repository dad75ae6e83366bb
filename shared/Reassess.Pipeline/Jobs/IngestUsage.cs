using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Pipeline.Usage;
using Reassess.Sources;
using Reassess.Sources.Usage;
using Reassess.Storage.Runs;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Reads every configured usage source and upserts daily rows (rerunning rewrites the same rows): teams' drops
/// (<c>csv</c>, <c>evals</c>), which name their workload, and provider and billing sources (<c>openai</c>,
/// <c>anthropic</c>, <c>azure-monitor</c>, <c>focus</c>, <c>openai-costs</c>, <c>anthropic-costs</c>; files, or a URL
/// pulled over the API), mapped to workloads by their <c>usage.match</c> rules. A bad row is reported with its file and
/// line and skipped; a file or API page that cannot be read is skipped whole; usage no workload claims is totalled and
/// reported; days without a call count are reported as evidence gaps; the rest goes in.
/// </summary>
public sealed class IngestUsage(PipelineContext context) : ITimerJob
{
    private static readonly string[] DropExtensions = [".csv", ".json"];

    Task ITimerJob.RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        RunAsync(DateOnly.FromDateTime(occurrence.UtcDateTime), cancellationToken);

    /// <summary>Ingests every source on <paramref name="day"/>; the day's run record is replaced by each later run that day.</summary>
    public Task<JobOutcome> RunAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        context.RunAsync(JobName.IngestUsage, RunPeriod.Day(day), outcome => IngestAsync(outcome, cancellationToken), cancellationToken);

    private async Task IngestAsync(JobOutcome outcome, CancellationToken cancellationToken)
    {
        var workloads = await context.Workloads.GetAllAsync(cancellationToken);
        var known = workloads.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var mapper = new UsageMapper(workloads);
        var unknown = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var ingested = new List<DailyUsage>();

        foreach (var source in context.Settings.UsageSources)
        {
            if (UsageReaders.Metered.TryGet(source.Format, out _))
            {
                var rows = await new MeteredSourceIngest(context, mapper, outcome).ReadAsync(source, cancellationToken);
                await StoreAsync(rows, outcome, ingested, cancellationToken);
                continue;
            }

            var path = context.Settings.Resolve(source.Path);
            var files = DropFolder.Files(path, DropExtensions);
            if (files is null)
            {
                outcome.AddProblem(new InputProblem(path, "", "does not exist; check Reassess__UsageSources."));
                continue;
            }

            foreach (var file in files)
            {
                if (ReaderCatalog.Default.Usage.TryGet(source.Format, out var usageReader))
                {
                    var rows = await DropFolder.ReadFileAsync(context, usageReader, file, outcome, cancellationToken);
                    foreach (var row in rows.Where(r => !known.Contains(r.WorkloadId)))
                        unknown[row.WorkloadId] = unknown.GetValueOrDefault(row.WorkloadId) + 1;
                    await StoreAsync(rows, outcome, ingested, cancellationToken);
                }
                else if (ReaderCatalog.Default.Evals.TryGet(source.Format, out var evalReader))
                {
                    var points = await DropFolder.ReadFileAsync(context, evalReader, file, outcome, cancellationToken);
                    outcome.Count("eval points", (await context.Usage.UpsertEvalsAsync(points, cancellationToken)).Entities);
                }
                else
                {
                    var formats = ReaderCatalog.Default.Usage.Formats.Concat(ReaderCatalog.Default.Evals.Formats).Concat(UsageReaders.Metered.Formats);
                    outcome.AddProblem(new InputProblem(file, "", $"unknown usage format '{source.Format}'; use one of {string.Join(", ", formats)}."));
                    break;
                }
            }
        }

        // Kept, not lost: the rows are stored under their workload id and count once the workload is added.
        foreach (var (workloadId, rows) in unknown)
            outcome.AddProblem(new InputProblem("usage", $"workload '{workloadId}'", $"{rows:N0} row(s) for a workload not in the catalogue; stored, assessed once the workload is added."));

        await UsageEvidence.ReportAsync(context, ingested.Where(r => known.Contains(r.WorkloadId)).ToList(), outcome, cancellationToken);
    }

    private async Task StoreAsync(
        IReadOnlyList<DailyUsage> rows, JobOutcome outcome, List<DailyUsage> ingested, CancellationToken cancellationToken)
    {
        outcome.Count("usage rows", (await context.Usage.UpsertDailyAsync(rows, cancellationToken)).Entities);
        ingested.AddRange(rows);
    }
}
