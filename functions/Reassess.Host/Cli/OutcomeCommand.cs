using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Core.Json;
using Reassess.Core.Outcomes;
using Reassess.Pipeline;
using Reassess.Pipeline.Outcomes;
using Reassess.Storage.Configuration;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess outcome [--workload ID] [--as-of yyyy-MM-dd] [--json]</c>: did each recorded decision pay? One line a
/// decision (its verdict, forecast and realised monthly net savings, savings to date), or the same answer as
/// <c>GET /api/workloads/{id}/outcome</c> as JSON; both go through <see cref="WorkloadOutcomes"/>.
/// </summary>
public static class OutcomeCommand
{
    public static Command Create()
    {
        var workload = new Option<string?>("--workload") { Description = "Only this workload. Default: every workload with decisions." };
        var asOf = new Option<string?>("--as-of") { Description = "The last day counted (yyyy-MM-dd). Default: the last whole UTC day." };
        var json = new Option<bool>("--json") { Description = "Print the outcomes as JSON, as the API answers them." };

        var command = new Command("outcome", "Did each decision pay? Realised savings against the forecast of the assessment in force on its day.")
        {
            workload, asOf, json,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(workload), parse.GetValue(asOf), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? only, string? asOfText, bool json, CancellationToken cancellationToken)
    {
        using var loggers = HostEnvironment.CreateLoggerFactory();
        var logger = loggers.CreateLogger("reassess");
        try
        {
            await using var pipeline = await CliPipeline.OpenAsync(loggers, logger, cancellationToken);
            var context = pipeline.Services.GetRequiredService<PipelineContext>();
            var asOf = WorkloadOutcomes.LastWholeDay(context.Clock.GetUtcNow());
            if (asOfText is not null && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            {
                await Console.Error.WriteLineAsync($"error: --as-of: '{asOfText}' is not a day; use yyyy-MM-dd.");
                return 1;
            }

            var workloads = (await context.Workloads.GetAllAsync(cancellationToken))
                .Where(w => only is null || w.Id == only).ToList();
            if (only is not null && workloads.Count == 0)
            {
                await Console.Error.WriteLineAsync($"error: --workload: no workload '{only}'.");
                return 1;
            }

            var prices = await PriceTimeline.ReadAsync(context, cancellationToken);
            var outcomes = new List<WorkloadOutcome>();
            foreach (var workload in workloads)
            {
                var outcome = await WorkloadOutcomes.OfAsync(context, workload, asOf, prices, cancellationToken);
                if (outcome.Decisions.Count > 0 || only is not null) outcomes.Add(outcome);
            }

            if (json) Console.WriteLine(JsonSerializer.Serialize(outcomes, ReassessJson.Options));
            else
                foreach (var outcome in outcomes)
                foreach (var decision in outcome.Decisions)
                    Console.WriteLine(Line(outcome.WorkloadId, decision));
            return 0;
        }
        catch (Exception e) when (e is PipelineConfigurationException or StorageConfigurationException)
        {
            logger.LogError("{Message}", e.Message);
            return 2;
        }
    }

    /// <summary>One decision: who, when, what, the verdict, then the figures it rests on.</summary>
    private static string Line(string workloadId, DecisionOutcome outcome)
    {
        var decision = outcome.Decision;
        var head = string.Create(CultureInfo.InvariantCulture, $"{workloadId} {decision.Date:yyyy-MM-dd} {JsonNamingPolicy.CamelCase.ConvertName(decision.Action.ToString())} {decision.Model}: {outcome.Verdict}");
        if (outcome.Outcome is not { } figures) return head;
        return head + string.Create(CultureInfo.InvariantCulture,
            $" (forecast {Money(figures.ForecastMonthlyNetSavings)}/month, realised {Money(figures.MonthlyNetSavings)}/month, to date {Money(figures.SavingsToDate)})");
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture) : "n/a";
}
