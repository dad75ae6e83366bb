namespace Reassess.Pipeline.Delivery;

/// <summary>
/// One place a team's (or finance's) messages go. <see cref="Id"/> names it in delivery records, so that a message is
/// sent once per channel: the <c>id</c> given in the teams file, or the kind (<c>slack</c>; <c>slack-2</c> for a
/// team's second Slack channel). A webhook kind has an <see cref="Address"/>; e-mail has <see cref="To"/>.
/// </summary>
public sealed record DeliveryChannel(string Id, ChannelKind Kind, WebhookAddress? Address, IReadOnlyList<string> To)
{
    /// <summary>Where it goes, safe for logs and records: the redacted webhook host, or the e-mail recipients.</summary>
    public string Destination => Address?.Redacted ?? string.Join(", ", To);

    public override string ToString() => $"{Id} ({Kind.Name()} {Destination})";
}

/// <summary>The channels one team's messages go to.</summary>
public sealed record TeamChannels(string Team, IReadOnlyList<DeliveryChannel> Channels);
