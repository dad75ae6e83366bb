using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess run</c>: the whole pipeline once, on the configured storage or the embedded Azurite, ending with the
/// week's deliveries (a dry run over the sample teams file when none is configured).
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "Assess the ISO week containing this UTC date (yyyy-MM-dd), as of its Monday 00:00. Default: today.",
            CustomParser = result => ParseDate(result.Tokens[0].Value, result),
        };
        var weeks = new Option<int>("--weeks")
        {
            Description = "Reassess this many weeks up to it, oldest first, so verdict flips have a history. Default: 1.",
            DefaultValueFactory = _ => 1,
        };
        weeks.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 104) result.AddError("--weeks must be from 1 to 104.");
        });
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Also write the report files to this folder. Default: out/.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };

        var command = new Command("run", "Run the pipeline once: workloads → prices → usage → reassess → weekly report.") { asOf, weeks, output };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(asOf), parse.GetValue(weeks), parse.GetValue(output)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DateOnly? asOf, int weeks, DirectoryInfo output, CancellationToken cancellationToken)
    {
        using var loggers = HostEnvironment.CreateLoggerFactory();
        var logger = loggers.CreateLogger("reassess");
        try
        {
            await using var pipeline = await CliPipeline.OpenAsync(loggers, logger, cancellationToken);
            var services = pipeline.Services;

            var day = asOf ?? DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var instant = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var result = await services.GetRequiredService<WeeklyRun>().RunAsync(instant, weeks, cancellationToken);

            output.Create();
            foreach (var file in result.Files)
                await File.WriteAllBytesAsync(Path.Combine(output.FullName, file.Name), file.Content, cancellationToken);

            var reports = services.GetRequiredService<PipelineContext>().Reports;
            logger.LogInformation("Report for {Week}: {Folder} ({Files}); blobs {WeekBlobs} and {LatestBlobs}",
                result.Week, output.FullName, string.Join(", ", result.Files.Select(f => f.Name)),
                reports.PathOf(ReportFolder.Of(result.Week)), reports.PathOf(ReportFolder.Latest));
            if (result.Problems.Count > 0)
                logger.LogWarning("{Count} input(s) were skipped; each is listed above and in the report's 'What changed' section.", result.Problems.Count);
            if (!result.Failed) await DeliverCommand.DeliverAsync(services, result.Week, null, DeliveryMode.Send, null, logger, cancellationToken);
            return result.Failed ? 1 : 0;
        }
        catch (Exception e) when (e is PipelineConfigurationException or StorageConfigurationException)
        {
            logger.LogError("{Message}", e.Message);
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The job that stopped has logged why and recorded itself as failed; what ran before it is stored.
            logger.LogError("The run stopped: {Message} Run the same command again once the cause is fixed; finished steps are redone idempotently.", e.Message);
            return 1;
        }
    }

    private static DateOnly? ParseDate(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        result.AddError($"--as-of '{text}' is not a date; use yyyy-MM-dd, e.g. 2026-11-23.");
        return null;
    }
}
