namespace Reassess.Pipeline.Delivery;

/// <summary>How a delivery run treats what was sent before.</summary>
public enum DeliveryMode
{
    /// <summary>Send what has not been sent: a message already delivered (by this run or another host) is left alone.</summary>
    Send,

    /// <summary>Send again, even what was delivered (<c>reassess deliver --resend</c>).</summary>
    Resend,

    /// <summary>Render and report what would go out; send nothing and record nothing.</summary>
    DryRun,
}

/// <summary>What became of one message on one channel.</summary>
public enum DeliveryStatus
{
    Sent,
    AlreadySent,

    /// <summary>Another run is sending it right now; it will record the result.</summary>
    InProgress,
    Failed,
    WouldSend,
}

/// <summary>One message to one recipient's channel, and what became of it; <see cref="Destination"/> is redacted.</summary>
public sealed record DeliveryLine(string Recipient, string Channel, ChannelKind Kind, string Destination, string Title, int Bytes, DeliveryStatus Status, int Attempts, string? Problem)
{
    public override string ToString() =>
        $"{Recipient} via {Channel} ({Kind.Name()}, {Destination}): {Title}, {Bytes:N0} bytes, {StatusText}";

    private string StatusText => Status switch
    {
        DeliveryStatus.Sent => Attempts > 1 ? $"sent after {Attempts} attempts" : "sent",
        DeliveryStatus.AlreadySent => "already sent (use --resend to send again)",
        DeliveryStatus.InProgress => "being sent by another run",
        DeliveryStatus.Failed => $"FAILED after {Attempts} attempt(s): {Problem}",
        _ => "would send (dry run)",
    };
}
