using Reassess.Core.Decisions;
using Reassess.Core.Outcomes;

namespace Reassess.Pipeline.Outcomes;

/// <summary>
/// The forecast of a decision: what the workload's assessment in force on the decision day (the latest made before
/// that UTC day ended) promised for the option chosen. A decision with no assessment before it has no forecast; that
/// is said in <see cref="RecordedDecision.ForecastGap"/>, not thrown, since the decision itself stands.
/// </summary>
public static class DecisionForecasts
{
    public static async Task<RecordedDecision> OfAsync(
        PipelineContext context, string workloadId, WorkloadDecision decision, int index, CancellationToken cancellationToken)
    {
        var endOfDay = new DateTimeOffset(decision.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var assessment = await context.Assessments.GetPreviousAsync(workloadId, endOfDay, cancellationToken);
        var recorded = new RecordedDecision { Decision = decision, Index = index, RecordedAt = context.Clock.GetUtcNow() };
        return assessment is null
            ? recorded with { ForecastGap = $"no assessment of '{workloadId}' on or before {decision.Date:yyyy-MM-dd} to forecast from" }
            : From(assessment, recorded);
    }

    private static RecordedDecision From(Assessment assessment, RecordedDecision recorded)
    {
        try
        {
            return recorded with { Forecast = Forecast.From(assessment, recorded.Decision) };
        }
        catch (ArgumentException e)
        {
            // A route to a model the assessment did not price: the decision stands, its forecast cannot be read.
            return recorded with { ForecastGap = e.Message };
        }
    }
}
