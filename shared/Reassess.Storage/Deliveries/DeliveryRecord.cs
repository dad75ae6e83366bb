namespace Reassess.Storage.Deliveries;

/// <summary>Where one delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed by a run that is sending it (or died sending it: see <see cref="DeliveryStore.StaleAfter"/>).</summary>
    Sending,

    Sent,

    /// <summary>Tried and given up on; the next run (or a resend) tries again.</summary>
    Failed,
}

/// <summary>
/// One message to one channel, as recorded: <see cref="Destination"/> and <see cref="Reason"/> are the redacted forms
/// the senders give (a webhook's scheme and host, never its path or query), as a record is read by the report and
/// <c>/api/health</c>.
/// </summary>
public sealed record DeliveryRecord
{
    public required DeliveryKey Key { get; init; }
    public required string Team { get; init; }
    public required string Channel { get; init; }
    public required DeliveryStatus Status { get; init; }
    public string Destination { get; init; } = "";

    /// <summary>When the current (or last) send was claimed.</summary>
    public DateTimeOffset ClaimedAt { get; init; }

    /// <summary>When it was sent or given up on; null while sending.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Attempts of the last send (the sender's retries within one run).</summary>
    public int Attempts { get; init; }

    /// <summary>How many times the delivery was claimed: 1 for a first send, more after failures, stale claims and resends.</summary>
    public int Claims { get; init; }

    /// <summary>Why the last send failed, redacted; null unless <see cref="Status"/> is <see cref="DeliveryStatus.Failed"/>.</summary>
    public string? Reason { get; init; }
}
