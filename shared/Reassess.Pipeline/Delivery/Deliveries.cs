using Reassess.Core.Delivery;
using Reassess.Core.Ingestion;
using Reassess.Storage.Deliveries;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// Who is told what, and the postbox that tells them. The teams file is read at each use, so an edited file takes
/// effect at the next run without a restart.
/// </summary>
public sealed class Deliveries(PipelineSettings settings, TeamsFileReader reader, Postbox postbox)
{
    public Postbox Postbox { get; } = postbox;

    /// <summary>The configured teams file (<c>Reassess__TeamsPath</c>); <see cref="TeamsFile.None"/> when none is set.</summary>
    public TeamsFile ReadTeams() =>
        string.IsNullOrWhiteSpace(settings.TeamsPath) ? TeamsFile.None : reader.Read(settings.Resolve(settings.TeamsPath), settings.TeamsPath);

    /// <summary>A teams file named on the command line instead of the configured one (<c>reassess deliver --teams</c>).</summary>
    public TeamsFile ReadTeams(string path) => reader.Read(settings.Resolve(path), path);

    /// <summary>
    /// Sends each alert to the channels of every team it touches, once per alert id (a rerun the same day finds it
    /// sent). Problems go to <paramref name="outcome"/>, so the run that raised the alert says what could not be sent.
    /// </summary>
    /// <param name="teams">The teams file when the caller has read it already; null reads the configured one.</param>
    public async Task<IReadOnlyList<DeliveryLine>> SendAlertsAsync(
        IReadOnlyList<DeliveryAlert> alerts, JobOutcome outcome, CancellationToken cancellationToken, TeamsFile? teams = null)
    {
        if (alerts.Count == 0) return [];
        teams ??= ReadTeams();
        outcome.AddProblems(teams.Problems);
        var lines = new List<DeliveryLine>();
        foreach (var alert in alerts)
        {
            var content = DeliveryContent.Of(alert, null);
            foreach (var team in alert.Teams)
                foreach (var channel in teams.ChannelsOf(team))
                    lines.Add(Record(outcome, await Postbox.SendAsync(DeliveryKey.Alert(alert.Id), team, channel, content, teams.Smtp, DeliveryMode.Send, cancellationToken)));
        }

        return lines;
    }

    /// <summary>Counts the line in the run's outcome, and makes a failed one a problem the run records and the next report lists.</summary>
    public static DeliveryLine Record(JobOutcome outcome, DeliveryLine line)
    {
        outcome.Count($"messages {line.Status switch
        {
            DeliveryStatus.Sent => "sent",
            DeliveryStatus.AlreadySent => "already sent",
            DeliveryStatus.InProgress => "being sent elsewhere",
            DeliveryStatus.Failed => "not delivered",
            _ => "rendered (dry run)",
        }}");
        if (line.Status == DeliveryStatus.Failed)
            outcome.AddProblem(new InputProblem($"delivery to {line.Recipient}", $"{line.Channel} ({line.Kind.Name()} {line.Destination})",
                $"{line.Title} was not delivered: {line.Problem} The next run retries it; check the channel in the teams file."));
        return line;
    }
}
