using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline;
using Reassess.Pipeline.Trends;
using Reassess.Storage.Configuration;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess trends --by team|costCenter|workload --from yyyy-Www --to yyyy-Www --format csv|json</c>: the weekly cost
/// trends the weekly run records, summed by the grouping asked for, on stdout. The same query, and the same bytes, as
/// <c>GET /api/trends</c> (both go through <see cref="CostTrendQuery"/>).
/// </summary>
public static class TrendsCommand
{
    public static Command Create()
    {
        var by = new Option<string?>("--by") { Description = "Group by team (default), costCenter or workload." };
        var from = new Option<string?>("--from") { Description = "First ISO week (yyyy-Www). Default: 11 weeks before --to." };
        var to = new Option<string?>("--to") { Description = "Last ISO week (yyyy-Www). Default: the newest week with trends." };
        var format = new Option<string?>("--format") { Description = "json (default) or csv." };

        var command = new Command("trends", "Print weekly cost trends (table CostTrends) by team, cost centre or workload, as JSON or CSV.")
        {
            by, from, to, format,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(by), parse.GetValue(from), parse.GetValue(to), parse.GetValue(format), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? by, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        using var loggers = HostEnvironment.CreateLoggerFactory();
        var logger = loggers.CreateLogger("reassess");
        try
        {
            await using var pipeline = await CliPipeline.OpenAsync(loggers, logger, cancellationToken);
            var services = pipeline.Services;
            var context = services.GetRequiredService<PipelineContext>();

            var result = await CostTrendQuery.RunAsync(context, by, from, to, format, cancellationToken);
            if (!result.Ok)
            {
                await Console.Error.WriteLineAsync($"error: --{result.Problem!.Location}: {result.Problem.Message}");
                return 1;
            }

            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(result.Content, cancellationToken);
            return 0;
        }
        catch (Exception e) when (e is PipelineConfigurationException or StorageConfigurationException)
        {
            logger.LogError("{Message}", e.Message);
            return 2;
        }
    }
}
