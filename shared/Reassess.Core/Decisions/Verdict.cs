namespace Reassess.Core.Decisions;

public enum Verdict
{
    /// <summary>Keep improving prompts, caching, retrieval and routing on the frontier model.</summary>
    StayOnFrontier,

    /// <summary>Fine-tuning would pay, but the checklist has gaps to close first.</summary>
    PrepareFineTune,

    /// <summary>At least two thresholds hold, the horizon is positive and the team is ready.</summary>
    FineTune,
}

public enum ThresholdStatus
{
    Met,
    NotMet,
    Unknown,
}
