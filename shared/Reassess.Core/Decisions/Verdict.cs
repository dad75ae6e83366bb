namespace Reassess.Core.Decisions;

public enum Verdict
{
    /// <summary>Keep improving prompts, caching, retrieval and routing on the frontier model.</summary>
    StayOnFrontier,

    /// <summary>Fine-tuning would pay, but the checklist has gaps to close first.</summary>
    PrepareFineTune,

    /// <summary>At least two thresholds hold, the horizon is positive and the team is ready.</summary>
    FineTune,

    /// <summary>A cheaper model the team has evaluated already meets the targets: switch to it, or route a share of the calls.</summary>
    Route,
}

public enum ThresholdStatus
{
    Met,
    NotMet,
    Unknown,
}
