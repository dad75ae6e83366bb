using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Core.Time;
using Reassess.Core.Trends;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// For every workload: its usage window and the prices in force at the start of the week → an assessment, compared
/// with the previous one for flips, stored under the week, and the week's cost-trend row (table <c>CostTrends</c>) beside
/// it. Rerunning a week rewrites the same rows. A workload that cannot be assessed is reported and skipped (its last
/// trend row for the week, if any, stays); the others go on.
/// </summary>
public static class ReassessWorkloads
{
    public const string JobName = "ReassessWorkloads";
    private const int Parallelism = 4;

    /// <summary>The weekly run: every workload, as of the week's Monday 00:00 UTC, stored under the week too.</summary>
    public static Task<JobOutcome> RunAsync(PipelineContext context, IsoWeek week, CancellationToken cancellationToken = default) =>
        RunAsync(context, week.ToString(), week.Start, week.ToString(), only: null, cancellationToken);

    /// <summary>
    /// An on-demand reassessment as of now, of every workload or only the ids given (unknown ids are reported);
    /// stored with its time, not under a week, so it never rewrites a weekly verdict.
    /// </summary>
    public static Task<JobOutcome> RunNowAsync(PipelineContext context, IReadOnlyCollection<string>? only, CancellationToken cancellationToken = default)
    {
        var now = context.Clock.GetUtcNow();
        return RunAsync(context, now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), now, week: null, only, cancellationToken);
    }

    private static async Task<JobOutcome> RunAsync(
        PipelineContext context, string period, DateTimeOffset assessedAt, string? week, IReadOnlyCollection<string>? only, CancellationToken cancellationToken)
    {
        var outcome = new JobOutcome(JobName, period, context.Clock.GetUtcNow());
        var workloads = await context.Workloads.GetAllAsync(cancellationToken);
        if (only is not null)
        {
            foreach (var missing in only.Except(workloads.Select(w => w.Id), StringComparer.Ordinal))
                outcome.AddProblem(new InputProblem("request", $"workload '{missing}'", "is not in the catalogue; add it with PUT /api/workloads/{id}."));
            workloads = workloads.Where(w => only.Contains(w.Id, StringComparer.Ordinal)).ToList();
        }

        var prices = new PriceBook(await context.Prices.GetAllInForceAsync(assessedAt, cancellationToken));
        context.Logger.LogInformation("Reassessing {Count:N0} workloads for {Period} (as of {AsOf:yyyy-MM-dd HH:mm} UTC, {Prices:N0} prices in force)",
            workloads.Count, period, assessedAt, prices.Count);

        var verdicts = new ConcurrentDictionary<Verdict, int>();
        var problems = new ConcurrentBag<InputProblem>();
        var trends = new ConcurrentBag<CostTrendPoint>();
        var failed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var done = 0;
        var timer = Stopwatch.StartNew();
        await Parallel.ForEachAsync(workloads, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (workload, ct) =>
            {
                try
                {
                    var (assessment, usage) = await AssessAsync(context, workload, prices, assessedAt, ct);
                    await context.Assessments.SaveAsync(assessment, week, ct);
                    if (week is not null && IsoWeek.TryParse(week, out var isoWeek))
                        trends.Add(CostTrendPoint.From(assessment, isoWeek, usage, prices.Find(workload.Baseline.Model)!, workload.Baseline.Batch));
                    verdicts.AddOrUpdate(assessment.Verdict, 1, (_, n) => n + 1);
                }
                catch (AssessmentException e)
                {
                    failed[workload.Id] = true;
                    problems.Add(new InputProblem("workloads", $"workload '{workload.Id}'", e.Message.Replace($"workload '{workload.Id}': ", "") + " Not assessed this week."));
                }

                var count = Interlocked.Increment(ref done);
                if (count % 100 == 0 || count == workloads.Count)
                    context.Logger.LogInformation("  {Done:N0}/{Total:N0} workloads assessed ({Rate:N0}/s)", count, workloads.Count, count / Math.Max(timer.Elapsed.TotalSeconds, 0.001));
            });

        if (week is not null && IsoWeek.TryParse(week, out var trendWeek) && only is null)
            await context.CostTrends.ReplaceWeekAsync(trendWeek, trends.ToList(), failed.Keys.ToHashSet(StringComparer.Ordinal), cancellationToken);

        foreach (var (verdict, count) in verdicts.OrderBy(v => v.Key)) outcome.Count(verdict.ToString(), count);
        outcome.AddProblems(problems.OrderBy(p => p.Location, StringComparer.Ordinal));
        return await context.FinishAsync(outcome, cancellationToken);
    }

    /// <summary>The assessment, and the daily usage rows it was made from (the cost trend prices the last week of them).</summary>
    private static async Task<(Assessment Assessment, IReadOnlyList<DailyUsage> Usage)> AssessAsync(
        PipelineContext context, Workload workload, PriceBook prices, DateTimeOffset assessedAt, CancellationToken cancellationToken)
    {
        var days = context.Settings.WindowDays;
        var (from, to) = UsageWindowBuilder.WindowBounds(assessedAt, days);
        var evalFrom = to.AddDays(-(UsageWindowBuilder.EvalLookbackDays - 1));
        var usage = await context.Usage.GetDailyAsync(workload.Id, from, to, cancellationToken);
        var evals = await context.Usage.GetEvalsAsync(workload.Id, evalFrom, to, cancellationToken);
        var previous = await context.Assessments.GetPreviousAsync(workload.Id, assessedAt, cancellationToken);

        var assessment = DecisionEngine.Assess(new AssessmentRequest
        {
            Workload = workload,
            Prices = prices,
            Window = UsageWindowBuilder.Build(usage, evals, assessedAt, days),
            AssessedAt = assessedAt,
            EstimatedMonthlyPriceDecline = workload.Assumptions.MonthlyPriceDecline is null
                ? await Prices.PriceDeclines.EstimateAsync(context, workload.Baseline.Model, assessedAt, cancellationToken)
                : null,
            Previous = previous,
        });
        return (assessment, usage);
    }
}
