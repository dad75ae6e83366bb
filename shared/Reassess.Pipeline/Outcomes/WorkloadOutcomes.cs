using Reassess.Core.Outcomes;
using Reassess.Core.Workloads;

namespace Reassess.Pipeline.Outcomes;

/// <summary>
/// "Did it pay?" for each of a workload's decisions, as of a day. The decisions are the workload's own; each is judged
/// against the forecast stored when it was recorded (<see cref="Storage.Decisions.DecisionStore"/>), or, for one that
/// came with the workloads file and was never recorded, the assessment in force on its day read now. Usage is the
/// workload's rows from the earliest decision on; prices are those in force each day (<see cref="PriceTimeline"/>).
/// </summary>
public static class WorkloadOutcomes
{
    public static async Task<WorkloadOutcome> OfAsync(
        PipelineContext context, Workload workload, DateOnly asOf, PriceTimeline prices, CancellationToken cancellationToken)
    {
        if (workload.Decisions.Count == 0) return new WorkloadOutcome(workload.Id, asOf, []);
        var recorded = await RecordedAsync(context, workload, cancellationToken);
        var usage = await context.Usage.GetDailyAsync(workload.Id, workload.Decisions.Min(d => d.Date), asOf, cancellationToken);
        return new WorkloadOutcome(workload.Id, asOf, recorded.Select(r => Judge(r, workload, usage, prices, asOf)).ToList());
    }

    /// <summary>The last whole UTC day before <paramref name="now"/>: the default as-of day, since today's usage is not all in.</summary>
    public static DateOnly LastWholeDay(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);

    /// <summary>Each of the workload's decisions with its forecast: the stored one when it was recorded, else read now.</summary>
    public static async Task<IReadOnlyList<RecordedDecision>> RecordedAsync(PipelineContext context, Workload workload, CancellationToken cancellationToken)
    {
        var stored = (await context.Decisions.ListAsync(workload.Id, cancellationToken)).ToList();
        var decisions = new List<RecordedDecision>();
        for (var i = 0; i < workload.Decisions.Count; i++)
        {
            var decision = workload.Decisions[i];
            // The workload's copy is current (a build cost learnt later, a note); the stored forecast is not moved.
            if (stored.FirstOrDefault(s => s.Is(decision)) is { } match)
            {
                stored.Remove(match);
                decisions.Add(match with { Decision = decision });
            }
            else
            {
                decisions.Add(await DecisionForecasts.OfAsync(context, workload.Id, decision, i, cancellationToken));
            }
        }

        return decisions;
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
