using System.Globalization;
using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;

namespace Reassess.Pipeline.Usage;

/// <summary>
/// What the rows of one ingest say beyond their numbers: where two sources report the same workload, day and model,
/// which one the assessment uses (<see cref="SourcePrecedence"/>, logged); and which days have usage but no call
/// count from any source, stored or just read — an evidence gap reported per workload, never a silent zero.
/// </summary>
public static class UsageEvidence
{
    public static async Task ReportAsync(PipelineContext context, IReadOnlyList<DailyUsage> ingested, JobOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var workload in ingested.GroupBy(r => r.WorkloadId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var from = workload.Min(r => r.Day);
            var to = workload.Max(r => r.Day);
            // Other sources may have given the calls in earlier runs: decide on everything stored for those days.
            var stored = await context.Usage.GetDailyAsync(workload.Key, from, to, cancellationToken);
            var all = stored.Concat(workload)
                .GroupBy(r => (r.Day, r.Source, r.Model)).Select(g => g.Last())
                .GroupBy(r => (r.Day, r.Model))
                .Select(g => (g.Key.Model, Resolved: SourcePrecedence.Resolve(g.OrderBy(r => r.Source, StringComparer.Ordinal).ToList())))
                .ToList();

            foreach (var choice in all.Where(r => r.Resolved.Choice is not null).GroupBy(r => $"{r.Model} {r.Resolved.Choice}", StringComparer.Ordinal))
                context.Logger.LogInformation("  {Workload}: {Days} day(s) of {Choice}", workload.Key, choice.Count(), choice.Key);

            var gaps = all.Where(r => r.Resolved.Row.ReportsUsage && !r.Resolved.Row.HasCallCount).Select(r => r.Resolved.Row).ToList();
            if (gaps.Count == 0) continue;
            var days = gaps.Select(g => g.Day).Distinct().Order().ToList();
            var sources = string.Join(", ", gaps.Select(g => g.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            const string Advice = "calls are unknown on those days (an evidence gap, not zero), so they are left out of the volume window; " +
                                  "add a source that counts requests (a gateway drop, Azure Monitor, OpenAI).";
            outcome.AddProblem(new InputProblem("usage", $"workload '{workload.Key}'",
                $"{days.Count.ToString(CultureInfo.InvariantCulture)} day(s) ({Span(days)}) have {sources} usage but no call count from any source: {Advice}"));
        }
    }

    private static string Span(IReadOnlyList<DateOnly> days) =>
        days.Count == 1 ? days[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{days[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}–{days[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
