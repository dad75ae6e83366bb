using Reassess.Core.Ingestion;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// Who gets which message where, as read from the teams file (<c>Reassess__TeamsPath</c>): each team's channels, the
/// finance channels and the mail server. What could not be read is in <see cref="Problems"/>, each with its field path
/// (<c>teams[2].channels[0].url</c>); a bad channel or team is left out and every other one kept, so one typo never
/// stops the rest of the company's messages.
/// </summary>
public sealed record TeamsFile(
    IReadOnlyList<TeamChannels> Teams,
    IReadOnlyList<DeliveryChannel> Finance,
    SmtpSettings? Smtp,
    IReadOnlyList<InputProblem> Problems)
{
    /// <summary>No file configured: nobody is sent anything, and that is no problem.</summary>
    public static TeamsFile None { get; } = new([], [], null, []);

    /// <summary>The channels of <paramref name="team"/> (exact spelling, as workloads name it); empty when it has none.</summary>
    public IReadOnlyList<DeliveryChannel> ChannelsOf(string team) =>
        Teams.FirstOrDefault(t => string.Equals(t.Team, team, StringComparison.Ordinal))?.Channels ?? [];
}
