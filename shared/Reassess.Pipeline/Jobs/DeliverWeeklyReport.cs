using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Reassess.Core.Delivery;
using Reassess.Core.Time;
using Reassess.Pipeline.Delivery;
using Reassess.Core.Reporting;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Storage.Deliveries;
using Reassess.Storage.Runs;
using Reassess.Storage.Tables;

namespace Reassess.Pipeline.Jobs;

/// <summary>What a delivery run covers: every recipient or one, and how it treats what was sent before.</summary>
/// <param name="Recipient">One team, or <see cref="DeliverWeeklyReport.Finance"/>; null for everyone.</param>
/// <param name="Teams">A teams file to use instead of the configured one.</param>
public sealed record DeliveryRequest(string? Recipient = null, DeliveryMode Mode = DeliveryMode.Send, TeamsFile? Teams = null);

/// <summary>
/// Tells each team its part of the week's report, and finance the totals, in the channels the teams file names. Each
/// message goes once per (recipient, week, channel): the delivery records make a rerun, a retry or a second host send
/// nothing twice. A channel that fails is recorded and retried at the next run; the other messages go out all the same.
/// </summary>
public sealed class DeliverWeeklyReport(PipelineContext context, Deliveries deliveries) : ITimerJob
{
    /// <summary>The recipient name finance's messages are recorded under; parentheses keep it apart from any team's name.</summary>
    public const string Finance = "(finance)";

    /// <summary>How long a message's report links work: a week, until the next report's messages replace them.</summary>
    public static readonly TimeSpan LinksValidFor = TimeSpan.FromDays(7);

    /// <summary>Channels sent to at once: a slow or hanging channel holds up only its own message.</summary>
    private const int ChannelsAtOnce = 4;

    Task ITimerJob.RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        RunAsync(IsoWeek.Of(occurrence), new DeliveryRequest(), cancellationToken);

    public async Task<(JobOutcome Outcome, IReadOnlyList<DeliveryLine> Lines)> RunAsync(IsoWeek week, DeliveryRequest request, CancellationToken cancellationToken = default)
    {
        var lines = new ConcurrentBag<DeliveryLine>();
        JobOutcome outcome;
        if (request.Mode == DeliveryMode.DryRun)
        {
            // A dry run is not a run of the job: recording it would replace the week's real delivery record.
            using var dry = new JobOutcome(JobName.DeliverWeeklyReport, RunPeriod.Week(week), context.Clock.GetUtcNow());
            await DeliverAsync(dry, week, request, lines, cancellationToken);
            outcome = dry;
        }
        else
        {
            outcome = await context.RunAsync(JobName.DeliverWeeklyReport, RunPeriod.Week(week),
                run => DeliverAsync(run, week, request, lines, cancellationToken), cancellationToken);
        }

        return (outcome, lines.OrderBy(l => l.Recipient, StringComparer.Ordinal).ThenBy(l => l.Channel, StringComparer.Ordinal).ToList());
    }

    private async Task DeliverAsync(JobOutcome outcome, IsoWeek week, DeliveryRequest request, ConcurrentBag<DeliveryLine> lines, CancellationToken cancellationToken)
    {
        var teams = request.Teams ?? deliveries.ReadTeams();
        outcome.AddProblems(teams.Problems);
        if (teams.Teams.Count == 0 && teams.Finance.Count == 0)
        {
            context.Logger.LogInformation("{Job} {Week}: no channel is configured (Reassess__TeamsPath); nothing to send", JobName.DeliverWeeklyReport, week);
            return;
        }

        var (report, assessed) = await StoredWeeklyReport.ReadAsync(context, week, new PhaseTimes(), cancellationToken);
        if (assessed == 0)
        {
            context.Logger.LogWarning("{Job} {Week}: the week has no assessments; run the reassessment and the report first", JobName.DeliverWeeklyReport, week);
            outcome.Count("weeks without assessments");
            return;
        }

        var (reportLink, csvLink) = request.Mode == DeliveryMode.DryRun ? (null, null) : await LinksAsync(week, cancellationToken);
        var messages = Messages(report, teams, request.Recipient, reportLink, csvLink).ToList();
        outcome.Count("recipients", messages.Select(m => m.Recipient).Distinct().Count());
        context.Logger.LogInformation("{Job} {Week}: {Messages} message(s) to {Recipients} recipient(s) ({Mode})",
            JobName.DeliverWeeklyReport, week, messages.Count, messages.Select(m => m.Recipient).Distinct().Count(), request.Mode);
        var key = DeliveryKey.Week(week);
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = ChannelsAtOnce, CancellationToken = cancellationToken }, async (m, ct) =>
        {
            var line = await deliveries.Postbox.SendAsync(key, m.Recipient, m.Channel, m.Content, teams.Smtp, request.Mode, ct);
            lock (outcome) Deliveries.Record(outcome, line);
            lines.Add(line);
        });
    }

    /// <summary>
    /// Read-only links to the week's report and finance CSV that expire with <see cref="LinksValidFor"/>; none when
    /// they cannot be made (the messages go out without them, and the run says why).
    /// </summary>
    private async Task<(Uri? Report, Uri? FinanceCsv)> LinksAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var folder = ReportFolder.Of(week);
        try
        {
            return (await context.ReportLinks.LinkAsync(folder, WeeklyReportRenderer.IndexHtml, LinksValidFor, cancellationToken),
                await context.ReportLinks.LinkAsync(folder, WeeklyReportRenderer.FinanceCsvName, LinksValidFor, cancellationToken));
        }
        catch (Exception e) when (e is StorageReadException or StorageConfigurationException)
        {
            context.Logger.LogWarning("{Job} {Week}: no report links ({Message}); the messages go out without them", JobName.DeliverWeeklyReport, week, e.Message);
            return (null, null);
        }
    }

    /// <summary>Each recipient's message on each of its channels; a team with workloads but no channel is told nothing.</summary>
    private static IEnumerable<(string Recipient, DeliveryChannel Channel, DeliveryContent Content)> Messages(
        WeeklyReport report, TeamsFile teams, string? only, Uri? reportLink, Uri? csvLink)
    {
        foreach (var digest in TeamDigest.ForEveryTeam(report, reportLink))
        {
            if (only is not null && only != digest.Team) continue;
            var content = DeliveryContent.Of(digest);
            foreach (var channel in teams.ChannelsOf(digest.Team))
                yield return (digest.Team, channel, content);
        }

        if (only is not null && only != Finance) yield break;
        var finance = DeliveryContent.Of(FinanceDigest.For(report, reportLink, csvLink));
        foreach (var channel in teams.Finance)
            yield return (Finance, channel, finance);
    }
}
