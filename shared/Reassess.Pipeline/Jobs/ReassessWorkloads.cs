using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Reassess.Core.Decisions;
using Reassess.Core.Delivery;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Core.Time;
using Reassess.Core.Trends;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Prices;
using Reassess.Storage.Runs;
using Reassess.Storage.Tables;
using Reassess.Storage.Trends;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// For every workload: its usage window and the prices in force at the start of the week → an assessment, compared
/// with the previous one for flips, stored under the week, and the week's cost-trend row (table <c>CostTrends</c>) beside
/// it. Rerunning a week rewrites the same rows. A workload that cannot be assessed is reported and skipped (its last
/// trend row for the week, if any, stays); the others go on.
/// </summary>
/// <remarks>
/// The weekly run goes shard by shard (<see cref="StorageKeys.Shard"/>): one partition query per table reads a shard's
/// usage, evals and last week's assessments, and its assessments go back in full transactions, while the next shard
/// is already being read. Memory holds one shard's inputs at a time, so 100,000 workloads fit in one Functions
/// execution. A weekly flip is against the workload's assessment of the previous ISO week.
/// </remarks>
public sealed class ReassessWorkloads(PipelineContext context, Deliveries? deliveries = null) : ITimerJob
{
    private const int Parallelism = 4;

    /// <summary>The timer's run: the catalogue first (the workloads file may have changed), then the week of the occurrence.</summary>
    async Task ITimerJob.RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var week = IsoWeek.Of(occurrence);
        await new SyncWorkloads(context).RunAsync(week, cancellationToken);
        await RunAsync(week, cancellationToken);
    }

    /// <summary>The weekly run: every workload, as of the week's Monday 00:00 UTC, stored under the week too.</summary>
    public Task<JobOutcome> RunAsync(IsoWeek week, CancellationToken cancellationToken = default) =>
        context.RunAsync(JobName.ReassessWorkloads, RunPeriod.Week(week), outcome => ReassessWeekAsync(outcome, week, cancellationToken), cancellationToken);

    private async Task ReassessWeekAsync(JobOutcome outcome, IsoWeek week, CancellationToken cancellationToken)
    {
        var assessedAt = week.Start;
        var phases = new PhaseTimes();
        // Grouped straight away, so each shard's workloads can be let go once it is done.
        var byShard = (await phases.TimeAsync("reading workloads", () => context.Workloads.GetAllAsync(cancellationToken)))
            .GroupBy(w => StorageKeys.Shard(w.Id)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var run = await phases.TimeAsync("reading prices", () => StartAsync(byShard.Sum(s => s.Value.Count), RunPeriod.Week(week), assessedAt, cancellationToken));
        var shards = StorageKeys.AllShards.Where(byShard.ContainsKey).ToList();
        var catalogue = byShard.Values.SelectMany(s => s).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);

        var trendKeys = new HashSet<(string, string)>();
        var rerun = await phases.TimeAsync("checking for an earlier run of the week", () => context.CostTrends.WeekHasRowsAsync(week, cancellationToken));
        var next = shards.Count > 0 ? ShardInputs.ReadAsync(context, shards[0], week, assessedAt, cancellationToken) : null;
        Task writing = Task.CompletedTask;
        for (var i = 0; i < shards.Count; i++)
        {
            var inputs = await phases.TimeAsync("waiting for usage, evals and last week", () => next!);
            // While this shard is assessed, the next is read and the previous one is still being written.
            next = i + 1 < shards.Count ? ShardInputs.ReadAsync(context, shards[i + 1], week, assessedAt, cancellationToken) : null;
            var assessed = new ConcurrentBag<WeekRows>();
            using var assessing = phases.Start("assessing");
            await Parallel.ForEachAsync(byShard[shards[i]], new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (workload, ct) =>
                {
                    if (await run.IsolateAsync(workload, async () =>
                        {
                            var usage = inputs.Usage.GetValueOrDefault(workload.Id) ?? [];
                            var assessment = await run.AssessAsync(workload, usage, inputs.Evals.GetValueOrDefault(workload.Id) ?? [], inputs.Previous.GetValueOrDefault(workload.Id), ct);
                            return assessment is null ? null : WeekRows.Of(workload, assessment,
                                CostTrendPoint.From(assessment, week, usage, run.Prices.Find(workload.Baseline.Model)!, workload.Baseline.Batch));
                        }) is { } rows)
                        assessed.Add(rows);
                });
            assessing.Dispose();
            await phases.TimeAsync("waiting for assessment writes", () => writing);
            var count = byShard[shards[i]].Count;
            trendKeys.UnionWith(assessed.Select(r => CostTrendStore.KeyOf(r.Trend)));
            byShard.Remove(shards[i]); // its workloads are done with
            writing = Task.Run(() => SaveAsync([.. assessed], count), cancellationToken);
        }

        await phases.TimeAsync("waiting for assessment writes", () => writing);
        // The week's rows were written with each shard; when the week was run before, rows of workloads gone since
        // then go now (a workload that failed this time keeps its last good rows).
        if (rerun)
        {
            await phases.TimeAsync("removing stale cost trends", () => context.CostTrends.DeleteOthersAsync(week, trendKeys, run.Failed, cancellationToken));
            await phases.TimeAsync("removing assessments of deleted workloads", () => context.Assessments.DeleteWeekOthersAsync(week, catalogue, cancellationToken));
        }
        context.Logger.LogInformation("{Job} {Week} time by phase: {Phases}", JobName.ReassessWorkloads, week, phases);
        run.Complete(outcome);

        async Task SaveAsync(IReadOnlyList<WeekRows> rows, int count)
        {
            try
            {
                await WriteAsync(rows);
            }
            catch (Exception e) when (e is not OperationCanceledException && !StorageFailure.IsUnavailable(e))
            {
                // One workload's rows can fail a whole transaction: write them one workload at a time to find it.
                context.Logger.LogWarning("Writing a shard of {Week} failed ({Message}); writing its workloads one by one", week, e.Message);
                foreach (var workload in rows)
                    await run.IsolateAsync(workload.Workload, async () => { await WriteAsync([workload]); return workload; });
            }

            run.Progress(count);
        }

        Task WriteAsync(IReadOnlyList<WeekRows> rows) => Task.WhenAll(
            context.Assessments.SaveManyAsync(rows.Select(r => (r.Assessment, (IsoWeek?)week)), cancellationToken),
            context.CostTrends.UpsertWeekAsync(week, rows.Select(r => r.Trend), cancellationToken));
    }

    /// <summary>What the weekly run stores for one workload: its assessment under the week, and its cost-trend row.</summary>
    private sealed record WeekRows(Workload Workload, Assessment Assessment, CostTrendPoint Trend)
    {
        /// <summary>The rows, or an exception naming the key storage would refuse, before anything is written.</summary>
        public static WeekRows Of(Workload workload, Assessment assessment, CostTrendPoint trend)
        {
            var (partition, row) = CostTrendStore.KeyOf(trend);
            StorageKeys.Validate(partition, "Cost-trend partition (the cost centre)");
            StorageKeys.Validate(row, "Cost-trend row key (week and workload)");
            return new WeekRows(workload, assessment, trend);
        }
    }

    /// <summary>
    /// An on-demand reassessment as of now, of every workload or only the ids given (unknown ids are reported);
    /// stored with its time, not under a week, so it never rewrites a weekly verdict.
    /// </summary>
    public async Task<OnDemandReassessment> RunNowAsync(IReadOnlyCollection<string>? only, CancellationToken cancellationToken = default)
    {
        var assessed = new ConcurrentBag<Assessment>();
        var outcome = await context.RunAsync(JobName.ReassessWorkloads, RunPeriod.At(context.Clock.GetUtcNow()), async outcome =>
        {
            await ReassessNowAsync(outcome, only, assessed, cancellationToken);
            // A flip found on demand is news today: the owning team hears of it within this run, once per flip and day.
            if (deliveries is not null)
                await deliveries.SendAlertsAsync([.. assessed.Select(DeliveryAlert.FromReassessment).OfType<DeliveryAlert>()], outcome, cancellationToken);
        }, cancellationToken);
        return new OnDemandReassessment(outcome, assessed.OrderBy(a => a.WorkloadId, StringComparer.Ordinal).ToList());
    }

    private async Task ReassessNowAsync(JobOutcome outcome, IReadOnlyCollection<string>? only, ConcurrentBag<Assessment> assessed, CancellationToken cancellationToken)
    {
        var now = outcome.StartedAt;
        var period = outcome.Period;
        var workloads = await context.Workloads.GetAllAsync(cancellationToken);
        if (only is not null)
        {
            var missing = only.Except(workloads.Select(w => w.Id), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
                outcome.AddProblem(new InputProblem("request", "workloads",
                    $"{missing.Count:N0} id(s) not in the catalogue: {string.Join(", ", missing.Take(10).Select(id => $"'{id}'"))}{(missing.Count > 10 ? ", …" : "")}; add a workload with PUT /api/workloads/{{id}}."));
            workloads = workloads.Where(w => only.Contains(w.Id, StringComparer.Ordinal)).ToList();
        }

        var run = await StartAsync(workloads.Count, period, now, cancellationToken);
        var (from, to) = UsageWindowBuilder.WindowBounds(now, context.Settings.WindowDays);
        var (evalFrom, evalTo) = UsageWindowBuilder.EvalBounds(now);
        await Parallel.ForEachAsync(workloads, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (workload, ct) =>
            {
                await run.IsolateAsync(workload, async () =>
                {
                    var assessment = await run.AssessAsync(workload,
                        await context.Usage.GetDailyAsync(workload.Id, from, to, ct),
                        await context.Usage.GetEvalsAsync(workload.Id, evalFrom, evalTo, ct),
                        await context.Assessments.GetPreviousAsync(workload.Id, now, ct), ct);
                    if (assessment is not null)
                    {
                        await context.Assessments.SaveAsync(assessment, null, ct);
                        assessed.Add(assessment);
                    }

                    return assessment;
                });
                run.Progress(1);
            });
        run.Complete(outcome);
    }

    private async Task<AssessmentRun> StartAsync(
        int workloads, RunPeriod period, DateTimeOffset assessedAt, CancellationToken cancellationToken)
    {
        var prices = new PriceBook(await context.Prices.GetAllInForceAsync(assessedAt, cancellationToken));
        context.Logger.LogInformation("Reassessing {Count:N0} workloads for {Period} (as of {AsOf:yyyy-MM-dd HH:mm} UTC, {Prices:N0} prices in force)",
            workloads, period, assessedAt, prices.Count);
        return new AssessmentRun(context, prices, assessedAt, workloads);
    }

    /// <summary>One run's shared state: the prices, the price declines found so far, counts and problems.</summary>
    private sealed class AssessmentRun(PipelineContext context, PriceBook prices, DateTimeOffset assessedAt, int total)
    {
        private readonly ConcurrentDictionary<Verdict, int> _verdicts = new();
        private readonly ConcurrentBag<InputProblem> _problems = [];
        private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<PriceRecord>>>> _histories = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _failed = new(StringComparer.Ordinal);
        private readonly Stopwatch _timer = Stopwatch.StartNew();
        private int _done;
        private int _lastLogged;

        public PriceBook Prices => prices;

        public IReadOnlySet<string> Failed => _failed.Keys.ToHashSet(StringComparer.Ordinal);

        /// <summary>The assessment, or null when the workload cannot be assessed (the problem is recorded).</summary>
        public async Task<Assessment?> AssessAsync(
            Workload workload, IReadOnlyList<DailyUsage> usage, IReadOnlyList<EvalPoint> evals, Assessment? previous, CancellationToken cancellationToken)
        {
            try
            {
                var assessment = DecisionEngine.Assess(new AssessmentRequest
                {
                    Workload = workload,
                    Prices = prices,
                    Window = UsageWindowBuilder.Build(usage, evals, assessedAt, context.Settings.WindowDays),
                    AssessedAt = assessedAt,
                    BaselinePriceHistory = workload.Assumptions.MonthlyPriceDecline is null
                        ? await HistoryAsync(workload.Baseline.Model, cancellationToken)
                        : null,
                    Previous = previous,
                });
                _verdicts.AddOrUpdate(assessment.Verdict, 1, (_, n) => n + 1);
                return assessment;
            }
            catch (AssessmentException e)
            {
                _failed[workload.Id] = true;
                _problems.Add(new InputProblem("workloads", $"workload '{workload.Id}'", e.Message.Replace($"workload '{workload.Id}': ", "") + " Not assessed this week."));
                return null;
            }
        }

        public void Progress(int count)
        {
            var done = Interlocked.Add(ref _done, count);
            var step = Math.Max(100, total / 20);
            var last = Volatile.Read(ref _lastLogged);
            if ((done - last < step && done != total) || Interlocked.CompareExchange(ref _lastLogged, done, last) != last) return;
            context.Logger.LogInformation("  {Done:N0}/{Total:N0} workloads assessed ({Rate:N0}/s)", done, total, done / Math.Max(_timer.Elapsed.TotalSeconds, 0.001));
        }

        /// <summary>
        /// Runs one workload's part of the run so that whatever fails there (storage refusing its rows, a bug) stops
        /// that workload only: it is reported with its id, kept out of this run's writes and deletions, and the run
        /// goes on. Null when it failed. Storage being unavailable is no one workload's fault: that stops the run.
        /// </summary>
        public async Task<T?> IsolateAsync<T>(Workload workload, Func<Task<T?>> work)
            where T : class
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (e is not OperationCanceledException && !StorageFailure.IsUnavailable(e))
            {
                _failed[workload.Id] = true;
                _problems.Add(new InputProblem("workloads", $"workload '{workload.Id}'", $"could not be assessed or stored ({e.Message}) Not assessed this week; its last good rows stay."));
                context.Logger.LogWarning(e, "Workload {Workload} could not be assessed or stored", workload.Id);
                return null;
            }
        }

        /// <summary>Puts the verdict counts and the workloads' problems into the run's outcome.</summary>
        public void Complete(JobOutcome outcome)
        {
            foreach (var (verdict, count) in _verdicts.OrderBy(v => v.Key)) outcome.Count(verdict.ToString(), count);
            outcome.AddProblems(_problems.OrderBy(p => p.Location, StringComparer.Ordinal));
        }

        /// <summary>Each baseline model's price history, read once per run: a company has far fewer models than workloads.</summary>
        private Task<IReadOnlyList<PriceRecord>> HistoryAsync(string model, CancellationToken cancellationToken) =>
            _histories.GetOrAdd(model, key => new Lazy<Task<IReadOnlyList<PriceRecord>>>(() => PriceHistories.GetAsync(context, key, cancellationToken))).Value;
    }
}
