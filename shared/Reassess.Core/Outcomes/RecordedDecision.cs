namespace Reassess.Core.Outcomes;

/// <summary>
/// A decision as it was recorded, with the forecast it is to be judged against: the assessment in force on the decision
/// day, frozen at recording. <see cref="Forecast"/> is null when no assessment was in force then (nothing to judge by).
/// </summary>
public sealed record RecordedDecision
{
    public required WorkloadDecision Decision { get; init; }
    public Forecast? Forecast { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Its place in the workload's <c>decisions</c> when recorded; with the day, what tells two decisions apart.</summary>
    public int Index { get; init; }

    /// <summary>Why there is no forecast, when there is none.</summary>
    public string? ForecastGap { get; init; }

    /// <summary>Whether <paramref name="other"/> is the same decision (day, action and model), whatever its note or build cost.</summary>
    public bool Is(WorkloadDecision other) =>
        Decision.Date == other.Date && Decision.Action == other.Action && string.Equals(Decision.Model, other.Model, StringComparison.OrdinalIgnoreCase);
}
