using System.Text.Json.Serialization;

namespace Reassess.Core.Outcomes;

/// <summary>What a team did about a workload's assessment.</summary>
public enum DecisionAction
{
    [JsonStringEnumMemberName("fineTune")] FineTune,
    [JsonStringEnumMemberName("route")] Route,
    [JsonStringEnumMemberName("stay")] Stay,
}

/// <summary>
/// A decision a team recorded on its workload (<c>decisions[]</c> in the workloads file): on <see cref="Date"/> it
/// fine-tuned, routed (or switched) to, or stayed on <see cref="Model"/>. Kept with the workload so that "did it pay?"
/// can be asked of it every week, against the forecast of the assessment in force that day.
/// </summary>
public sealed record WorkloadDecision
{
    /// <summary>The UTC day the change went live: realised usage is counted from this day on.</summary>
    public DateOnly Date { get; init; }

    public DecisionAction Action { get; init; }

    /// <summary>Price key of the model chosen (the fine-tuned model, the route's model, or the baseline when staying).</summary>
    public string Model { get; init; } = "";

    /// <summary>What building it actually cost (training, data, migration), in USD; null: not known yet, so the forecast's is used.</summary>
    public decimal? BuildCost { get; init; }

    public string? Note { get; init; }
}
