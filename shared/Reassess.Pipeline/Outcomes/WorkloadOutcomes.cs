using Reassess.Core.Outcomes;
using Reassess.Core.Workloads;

namespace Reassess.Pipeline.Outcomes;

/// <summary>
/// "Did it pay?" for each of a workload's decisions, as of a day. Each is judged against the forecast stored when it
/// was recorded (<see cref="Storage.Decisions.DecisionStore"/>), or, for one that came with the workloads file and was
/// never recorded, the assessment in force on its day read now. Usage is the
/// workload's rows from the earliest decision on; prices are those in force each day (<see cref="PriceTimeline"/>).
/// </summary>
public static class WorkloadOutcomes
{
    public static async Task<WorkloadOutcome> OfAsync(
        PipelineContext context, Workload workload, DateOnly asOf, PriceTimeline prices, CancellationToken cancellationToken)
    {
        var recorded = await RecordedAsync(context, workload, cancellationToken);
        if (recorded.Count == 0) return new WorkloadOutcome(workload.Id, asOf, []);
        var usage = await context.Usage.GetDailyAsync(workload.Id, recorded[0].Decision.Date, asOf, cancellationToken);
        return new WorkloadOutcome(workload.Id, asOf, recorded.Select(r => Judge(r, workload, usage, prices, asOf)).ToList());
    }

    /// <summary>The last whole UTC day before <paramref name="now"/>: the default as-of day, since today's usage is not all in.</summary>
    public static DateOnly LastWholeDay(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);

    /// <summary>
    /// The workload's decisions with their forecasts, by day: every recorded one with its stored forecast (a sync of
    /// the workloads file, which does not know of it, cannot drop it), and each of the workload's own not recorded
    /// with the forecast read now. A recorded decision the workload still lists takes the workload's copy (a build
    /// cost learnt later, a note), never a new forecast.
    /// </summary>
    public static async Task<IReadOnlyList<RecordedDecision>> RecordedAsync(PipelineContext context, Workload workload, CancellationToken cancellationToken)
    {
        var stored = await context.Decisions.ListAsync(workload.Id, cancellationToken);
        var decisions = stored.Select(s => workload.Decisions.FirstOrDefault(s.Is) is { } current ? s with { Decision = current } : s).ToList();
        for (var i = 0; i < workload.Decisions.Count; i++)
            if (!stored.Any(s => s.Is(workload.Decisions[i])))
                decisions.Add(await DecisionForecasts.OfAsync(context, workload.Id, workload.Decisions[i], i, cancellationToken));
        return decisions.OrderBy(d => d.Decision.Date).ThenBy(d => d.Index).ToList();
    }

    private static DecisionOutcome Judge(
        RecordedDecision recorded, Workload workload, IReadOnlyList<Core.Usage.DailyUsage> usage, PriceTimeline prices, DateOnly asOf)
    {
        var decision = recorded.Decision;
        if (recorded.Forecast is not { } forecast) return DecisionOutcome.Unjudged(decision, null, recorded.ForecastGap ?? "no forecast");
        if (decision.Date > asOf) return DecisionOutcome.Unjudged(decision, forecast, $"the decision goes live on {decision.Date:yyyy-MM-dd}, after {asOf:yyyy-MM-dd}");
        var outcome = OutcomeCalculator.Of(new OutcomeRequest
        {
            Forecast = forecast,
            ActualBuildCost = decision.BuildCost,
            Usage = usage,
            PricesOn = prices.On,
            AsOf = asOf,
            Batch = workload.Baseline.Batch,
        });
        return new DecisionOutcome { Decision = decision, Forecast = forecast, Outcome = outcome, Verdict = outcome.Verdict, EvidenceGaps = outcome.EvidenceGaps };
    }
}
