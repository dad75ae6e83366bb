using Reassess.Core.Outcomes;

namespace Reassess.Core.Workloads;

/// <summary>An AI workload a team runs on a prompted frontier model, and the fine-tune it could move to (docs/contracts.md).</summary>
public sealed record Workload
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Team { get; init; } = "";
    public string CostCenter { get; init; } = "";
    public BaselineSpec Baseline { get; init; } = new();
    public UsageSpec Usage { get; init; } = new();
    public TargetSpec Targets { get; init; } = new();
    public FineTuneSpec FineTune { get; init; } = new();
    public AssumptionSpec Assumptions { get; init; } = new();
    public IReadOnlyList<AlternativeModel> Alternatives { get; init; } = [];

    /// <summary>What the team did about past assessments, oldest first; none when the file states none.</summary>
    public IReadOnlyList<WorkloadDecision> Decisions { get; init; } = [];
}

/// <summary>The model the workload runs on today.</summary>
public sealed record BaselineSpec
{
    /// <summary>Price key <c>provider/model</c>.</summary>
    public string Model { get; init; } = "";

    /// <summary>The workload runs through the batch API, so batch prices apply where the sheet has them.</summary>
    public bool Batch { get; init; }
}

/// <summary>How usage reported by a source is recognised as this workload's.</summary>
public sealed record UsageSpec
{
    public IReadOnlyList<UsageMatch> Match { get; init; } = [];
}

/// <summary>
/// One rule: usage whose <see cref="Dimension"/> (e.g. <c>project_id</c>, <c>api_key_id</c>, <c>workspace_id</c>,
/// <c>deployment</c>, <c>tag:workload</c>) equals <see cref="Value"/> belongs to this workload; <see cref="Source"/>
/// narrows the rule to one source format when set.
/// </summary>
public sealed record UsageMatch
{
    public string? Source { get; init; }
    public string Dimension { get; init; } = "";
    public string Value { get; init; } = "";
}

public sealed record TargetSpec
{
    public decimal? LatencyP95Ms { get; init; }
    public decimal? QualityScore { get; init; }
    public FormatTarget Format { get; init; } = new();
}

public sealed record FormatTarget
{
    public bool Strict { get; init; }

    /// <summary>Share of checked outputs allowed to violate the format before prompting counts as failing.</summary>
    public decimal Tolerance { get; init; } = 0.005m;
}

/// <summary>The fine-tuned candidate: what it costs to build, run and keep current.</summary>
public sealed record FineTuneSpec
{
    /// <summary>Price key of the fine-tuned model as served (provider-hosted), or a name for a self-hosted one.</summary>
    public string Model { get; init; } = "";

    /// <summary>Price key whose training price applies; defaults to <see cref="Model"/>.</summary>
    public string? TrainingModel { get; init; }

    public long TrainingTokens { get; init; }
    public int Epochs { get; init; } = 1;
    public decimal TrainingHours { get; init; }

    /// <summary>Per training hour; falls back to the training model's price sheet.</summary>
    public decimal? TrainingPerHour { get; init; }

    /// <summary>Per hour the fine-tuned deployment is hosted (billed idle or not); falls back to the model's price sheet.</summary>
    public decimal? HostingPerHour { get; init; }

    /// <summary>Per GPU hour of a self-hosted candidate. A candidate with a GPU price is self-hosted: no per-call price.</summary>
    public decimal GpuHourly { get; init; }
    public int Gpus { get; init; }
    public decimal CallsPerGpuHour { get; init; }

    /// <summary>The busiest hour's calls over the average hour's, which a self-hosted candidate's GPUs must serve; null: the default 2.</summary>
    public decimal? PeakToAverage { get; init; }

    /// <summary>Share of the candidate's outputs expected to break the format; null: the baseline's measured rate.</summary>
    public decimal? ExpectedFormatViolationRate { get; init; }

    /// <summary>Share of input tokens (few-shot examples, long instructions) the fine-tune no longer needs, 0–1.</summary>
    public decimal PromptReduction { get; init; }

    public decimal DataPrepCost { get; init; }
    public decimal EvalCost { get; init; }
    public decimal EngineeringCost { get; init; }
    public decimal OpsMonthly { get; init; }

    /// <summary>
    /// Base models move every few months and a fine-tune's edge fades with them: it is redone this often. Null: the
    /// default of 6 months; 0: never (the workload's stated choice).
    /// </summary>
    public decimal? RetrainEveryMonths { get; init; }
    public decimal? RetrainCost { get; init; }

    public long LabeledExamples { get; init; }
    public bool HasEvalSuite { get; init; }
    public bool BaselineValidated { get; init; }

    /// <summary>The candidate's score on the eval suite from a pilot fine-tune or a shadow run: evidence it reaches the target.</summary>
    public decimal? PilotEvalScore { get; init; }

    public bool IsSelfHosted => GpuHourly > 0;
}

public sealed record AssumptionSpec
{
    public decimal MaxPaybackMonths { get; init; } = 12;
    public int HorizonMonths { get; init; } = 12;

    /// <summary>Monthly decline of the frontier price; null: estimated from price history, else 0.</summary>
    public decimal? MonthlyPriceDecline { get; init; }

    public decimal MonthlyVolumeGrowth { get; init; }
}

/// <summary>
/// A cheaper model the team has evaluated on this workload: switched to (share 1) or sent <see cref="Share"/> of the
/// calls while the rest stay on the baseline. Its figures are those of the workload served that way.
/// </summary>
public sealed record AlternativeModel
{
    public string Model { get; init; } = "";

    /// <summary>The eval-suite score of the workload served this way (the routed system as a whole).</summary>
    public decimal EvalScore { get; init; }

    /// <summary>The part of the calls sent to the alternative, 0 &lt; share ≤ 1; 1 is a switch.</summary>
    public decimal Share { get; init; } = 1m;

    /// <summary>p95 latency served this way; null: not measured (an evidence gap against a latency target).</summary>
    public decimal? LatencyP95Ms { get; init; }

    /// <summary>Share of outputs breaking the format served this way; null: the baseline's rate (a gap against a strict format).</summary>
    public decimal? FormatViolationRate { get; init; }

    /// <summary>What routing adds to each call (a classifier, a gateway), in USD.</summary>
    public decimal RouterCostPerCall { get; init; }

    /// <summary>One-off cost of moving: prompts rewritten, evals rerun, rollout.</summary>
    public decimal MigrationCost { get; init; }
}
