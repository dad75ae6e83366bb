using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Pipeline.Telemetry;
using Reassess.Sources;

namespace Reassess.Pipeline.Usage;

/// <summary>
/// The ingest job's part for one provider or billing source: read it (<see cref="MeteredSourceReader"/>), map it to
/// workloads, and put what no workload claims and every problem into the run's outcome.
/// </summary>
public sealed class MeteredSourceIngest(PipelineContext context, UsageMapper mapper, JobOutcome outcome)
{
    /// <returns>The workloads' daily rows read from the source, to be stored.</returns>
    public async Task<IReadOnlyList<DailyUsage>> ReadAsync(SourceSpec source, CancellationToken cancellationToken)
    {
        var reader = new MeteredSourceReader(context.Clock, context.UsageIngest, line => context.Logger.LogInformation("{Line}", line));
        var where = SourceLocation.Of(source.Path).Resolved(context.Settings.Resolve);
        using var span = JobTelemetry.StartRead("usage source", source.Format, where);
        var read = await reader.ReadAsync(source.Format, where, cancellationToken).ConfigureAwait(false);
        span?.SetTag("reassess.source.rows", read.Rows.Count);
        span?.SetTag("reassess.source.rejected", read.Rejected.Count);
        outcome.AddProblems(read.Rejected);
        foreach (var skipped in read.Skipped)
            context.Logger.LogInformation("  {Source}: {Skipped}", skipped.Source, skipped.Message);

        var mapping = mapper.Map(read.Rows);
        foreach (var lost in mapping.Unmapped)
            outcome.AddProblem(new InputProblem(where, "unmapped usage", lost.ToString()));
        foreach (var (name, day) in mapping.PartialDays)
            context.Logger.LogInformation("  {Source} {Day:yyyy-MM-dd}: covered only in part so far; its totals grow on the next pull", name, day);
        context.Logger.LogInformation("Read {Format} {Where}: {Progress}; {Rows:N0} daily rows of {Workloads} workload(s), {Unmapped} unmapped group(s), {Rejected:N0} rejected",
            source.Format, where, read.Progress, mapping.Rows.Count, mapping.Rows.Select(r => r.WorkloadId).Distinct().Count(), mapping.Unmapped.Count, read.Rejected.Count);
        return mapping.Rows;
    }
}
