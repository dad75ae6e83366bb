using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Reads every configured usage and eval drop and upserts daily rows (rerunning rewrites the same rows). A bad row is
/// reported with its file and line and skipped; a file that cannot be read at all is skipped whole; the rest goes in.
/// </summary>
public static class IngestUsage
{
    public const string JobName = "IngestUsage";
    private static readonly string[] DropExtensions = [".csv", ".json"];

    public static async Task<JobOutcome> RunAsync(PipelineContext context, string period, CancellationToken cancellationToken = default)
    {
        var outcome = new JobOutcome(JobName, period, context.Clock.GetUtcNow());
        var known = (await context.Workloads.GetAllAsync(cancellationToken)).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = new SortedDictionary<string, long>(StringComparer.Ordinal);

        foreach (var source in context.Settings.UsageSources)
        {
            var path = context.Settings.Resolve(source.Path);
            var files = DropFiles(path);
            if (files is null)
            {
                outcome.AddProblem(new InputProblem(path, "", "does not exist; check Reassess__UsageSources."));
                continue;
            }

            foreach (var file in files)
            {
                if (ReaderCatalog.Default.Usage.TryGet(source.Format, out var usageReader))
                {
                    var rows = await ReadFileAsync(context, usageReader, file, outcome, cancellationToken);
                    foreach (var row in rows.Where(r => !known.Contains(r.WorkloadId)))
                        unknown[row.WorkloadId] = unknown.GetValueOrDefault(row.WorkloadId) + 1;
                    outcome.Count("usage rows", (await context.Usage.UpsertDailyAsync(rows, cancellationToken)).Entities);
                }
                else if (ReaderCatalog.Default.Evals.TryGet(source.Format, out var evalReader))
                {
                    var points = await ReadFileAsync(context, evalReader, file, outcome, cancellationToken);
                    outcome.Count("eval points", (await context.Usage.UpsertEvalsAsync(points, cancellationToken)).Entities);
                }
                else
                {
                    outcome.AddProblem(new InputProblem(file, "", $"unknown usage format '{source.Format}'; use one of {string.Join(", ", ReaderCatalog.Default.Usage.Formats.Concat(ReaderCatalog.Default.Evals.Formats))}."));
                    break;
                }
            }
        }

        // Kept, not lost: the rows are stored under their workload id and count once the workload is added.
        foreach (var (workloadId, rows) in unknown)
            outcome.AddProblem(new InputProblem("usage", $"workload '{workloadId}'", $"{rows:N0} row(s) for a workload not in the catalogue; stored, assessed once the workload is added."));

        return await context.FinishAsync(outcome, cancellationToken);
    }

    private static IReadOnlyList<string>? DropFiles(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) return null;
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => DropExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<IReadOnlyList<T>> ReadFileAsync<T>(
        PipelineContext context, IRecordReader<T> reader, string file, JobOutcome outcome, CancellationToken cancellationToken)
    {
        var started = context.Clock.GetTimestamp();
        try
        {
            await using var stream = File.OpenRead(file);
            var now = context.Clock.GetUtcNow();
            var result = await reader.ReadAsync(stream, file, new ReadContext(now, now), cancellationToken);
            outcome.AddProblems(result.Rejected);
            var elapsed = context.Clock.GetElapsedTime(started).TotalSeconds;
            context.Logger.LogInformation("Read {File}: {Rows:N0} rows, {Rejected:N0} rejected ({Rate:N0} rows/s)",
                Path.GetFileName(file), result.Records.Count, result.Rejected.Count, elapsed > 0 ? result.Records.Count / elapsed : 0);
            return result.Records;
        }
        catch (InputRejectedException e)
        {
            outcome.AddProblem(e.Problem with { Message = $"{e.Problem.Message} — file skipped; rows stored before stay." });
            return [];
        }
    }
}
