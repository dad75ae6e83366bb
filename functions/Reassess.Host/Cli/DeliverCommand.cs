using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Core.Time;
using Reassess.Pipeline;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess deliver [--week yyyy-Www] [--team T] [--resend] [--dry-run] [--teams FILE]</c>: the DeliverWeeklyReport
/// job by hand, printing one line per message and channel. Without a teams file configured or named it is a dry run
/// over <c>samples/teams.json</c>, so a first run shows what each team would be told.
/// </summary>
public static class DeliverCommand
{
    private const string SampleTeams = "samples/teams.json";

    public static Command Create()
    {
        var week = new Option<string?>("--week") { Description = "ISO week (yyyy-Www) whose report is delivered. Default: the current week." };
        var team = new Option<string?>("--team") { Description = $"Only this team (or {DeliverWeeklyReport.Finance} for finance). Default: every team and finance." };
        var resend = new Option<bool>("--resend") { Description = "Send again what was already delivered." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent; send and record nothing." };
        var teams = new Option<string?>("--teams") { Description = "A teams file to use instead of Reassess__TeamsPath." };

        var command = new Command("deliver", "Send each team, and finance, its part of a week's report in the channels of the teams file.")
        {
            week, team, resend, dryRun, teams,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(resend) && result.GetValue(dryRun)) result.AddError("--resend and --dry-run cannot be combined: a dry run sends nothing.");
            if (result.GetValue(week) is { } text && !IsoWeek.TryParse(text, out _)) result.AddError($"--week '{text}' is not an ISO week; use yyyy-Www, e.g. 2026-W48.");
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(week), parse.GetValue(team), parse.GetValue(resend) ? DeliveryMode.Resend : parse.GetValue(dryRun) ? DeliveryMode.DryRun : DeliveryMode.Send,
            parse.GetValue(teams), cancellationToken));
        return command;
    }

    /// <summary>
    /// Delivers <paramref name="week"/> and prints one line per message and channel; with no teams file configured or
    /// named, a dry run over the sample one. <c>reassess run</c> ends with it too.
    /// </summary>
    internal static async Task<IReadOnlyList<DeliveryLine>> DeliverAsync(
        IServiceProvider services, IsoWeek week, string? team, DeliveryMode mode, string? teamsPath, ILogger logger, CancellationToken cancellationToken)
    {
        var deliveries = services.GetRequiredService<Deliveries>();
        TeamsFile? teams = teamsPath is not null ? deliveries.ReadTeams(teamsPath) : null;
        if (teams is null && string.IsNullOrWhiteSpace(services.GetRequiredService<PipelineSettings>().TeamsPath))
        {
            logger.LogInformation("No teams file is configured (Reassess__TeamsPath): a dry run over {Sample} shows what would be sent", SampleTeams);
            teams = deliveries.ReadTeams(SampleTeams);
            mode = DeliveryMode.DryRun;
        }

        var (outcome, lines) = await services.GetRequiredService<DeliverWeeklyReport>().RunAsync(week, new DeliveryRequest(team, mode, teams), cancellationToken);
        foreach (var line in lines) Console.WriteLine(line);
        foreach (var problem in outcome.Problems) logger.LogWarning("{Problem}", problem);
        if (lines.Count == 0) logger.LogInformation("Nothing to deliver for {Week}{Team}.", week, team is null ? "" : $" to {team}");
        return lines;
    }

    private static async Task<int> RunAsync(string? weekText, string? team, DeliveryMode mode, string? teamsPath, CancellationToken cancellationToken)
    {
        using var loggers = HostEnvironment.CreateLoggerFactory();
        var logger = loggers.CreateLogger("reassess");
        try
        {
            await using var pipeline = await CliPipeline.OpenAsync(loggers, logger, cancellationToken);
            var services = pipeline.Services;
            var week = weekText is null ? IsoWeek.Of(services.GetRequiredService<TimeProvider>().GetUtcNow()) : IsoWeek.Parse(weekText);
            var lines = await DeliverAsync(services, week, team, mode, teamsPath, logger, cancellationToken);
            return lines.Any(l => l.Status == DeliveryStatus.Failed) ? 1 : 0;
        }
        catch (Exception e) when (e is PipelineConfigurationException or StorageConfigurationException)
        {
            logger.LogError("{Message}", e.Message);
            return 2;
        }
    }
}
