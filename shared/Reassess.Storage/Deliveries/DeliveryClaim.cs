using Azure;

namespace Reassess.Storage.Deliveries;

/// <summary>Why a claim was or was not granted.</summary>
public enum ClaimOutcome
{
    /// <summary>Never sent before: this run sends it.</summary>
    New,

    /// <summary>Failed last time: this run tries again.</summary>
    Retry,

    /// <summary>A run claimed it and never finished within <see cref="DeliveryStore.StaleAfter"/>: taken over. It may have gone out already.</summary>
    TakenOver,

    /// <summary>Sent already, and claimed again on purpose (<c>--resend</c>).</summary>
    Resend,

    /// <summary>Refused: sent already.</summary>
    AlreadySent,

    /// <summary>Refused: another run (another host, or this one) is sending it now.</summary>
    InProgress,
}

/// <summary>
/// The answer to a claim: whether this run may send (<see cref="Won"/>), and the record as it stood. A won claim is
/// handed back to <see cref="DeliveryStore.MarkSentAsync"/> or <see cref="DeliveryStore.MarkFailedAsync"/>.
/// </summary>
public sealed record DeliveryClaim(ClaimOutcome Outcome, DeliveryRecord Record)
{
    /// <summary>The row's version when claimed, so a run that lost its claim to a takeover cannot overwrite the new one's failure.</summary>
    internal ETag ETag { get; init; }

    public bool Won => Outcome is ClaimOutcome.New or ClaimOutcome.Retry or ClaimOutcome.TakenOver or ClaimOutcome.Resend;
}
