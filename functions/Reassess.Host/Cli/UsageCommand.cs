using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Core.Ingestion;
using Reassess.Core.Workloads;
using Reassess.Pipeline;
using Reassess.Pipeline.Usage;
using Reassess.Sources;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess usage import --format F PATH_OR_URL [--json]</c>: reads one usage source the way the ingest job does
/// (files streamed, APIs paged with retries), maps it to workloads, prints the daily rows on stdout (in the drop
/// format, so they can be dropped back in) and a summary on stderr. Stores nothing.
/// </summary>
public static class UsageCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = $"What the input is: {string.Join(", ", UsageImport.Formats)}.",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. UsageImport.Formats]);
        var input = new Argument<string>("PATH_OR_URL")
        {
            Description = "A file or folder (FOCUS may be .gz), or for openai, anthropic (and their -costs) and azure-monitor the API: " +
                          "https://api.openai.com, https://api.anthropic.com, https://management.azure.com/subscriptions/…/accounts/NAME.",
        };
        var json = new Option<bool>("--json") { Description = "Print { \"usage\": [...] } instead of CSV." };
        var workloads = new Option<FileInfo?>("--workloads")
        {
            Description = "Workloads whose usage.match rules map the usage. Default: Reassess__WorkloadsPath, else samples/workloads.json.",
        };
        var days = new Option<int>("--days")
        {
            Description = "For a URL: pull this many days back from now, today included. Default: 35.",
            DefaultValueFactory = _ => 35,
        };
        days.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 400) r.AddError("--days must be from 1 to 400."); });

        var import = new Command("import", "Read one usage source, map it to workloads and print the daily rows; stores nothing.")
        {
            format, input, json, workloads, days,
        };
        import.SetAction((parse, cancellationToken) => ImportAsync(
            parse.GetValue(format)!, parse.GetValue(input)!, parse.GetValue(json), parse.GetValue(workloads), parse.GetValue(days), cancellationToken));
        return new Command("usage", "Usage sources: read one and see what Reassess makes of it.") { import };
    }

    private static async Task<int> ImportAsync(string format, string input, bool json, FileInfo? workloadsFile, int days, CancellationToken cancellationToken)
    {
        var contentRoot = Directory.GetCurrentDirectory();
        var configuration = HostEnvironment.LoadConfiguration(contentRoot);
        var settings = PipelineSettings.FromConfiguration(configuration, contentRoot);
        var workloads = await LoadWorkloadsAsync(workloadsFile?.FullName ?? settings.Resolve(settings.WorkloadsPath), cancellationToken);
        using var loggers = HostEnvironment.CreateLoggerFactory();
        await using var services = CliServices.Sources(configuration, loggers);
        var options = services.GetRequiredService<UsageIngestOptions>() with { PullDays = days };
        var where = SourceLocation.Of(input).Resolved(Path.GetFullPath);

        var result = await new UsageImport(TimeProvider.System, options, Console.Error.WriteLine).RunAsync(format, where, workloads, cancellationToken);
        if (json)
        {
            await using var stdout = Console.OpenStandardOutput();
            await DailyUsageText.WriteJsonAsync(stdout, result.Rows, cancellationToken);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            await DailyUsageText.WriteCsvAsync(Console.Out, result.Rows);
        }

        foreach (var line in result.Summary()) await Console.Error.WriteLineAsync(line);
        return result.Rows.Count == 0 && result.Unmapped.Count == 0 && result.Rejected.Count > 0 ? 1 : 0;
    }

    private static async Task<IReadOnlyList<Workload>> LoadWorkloadsAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"No workloads file at {path}: every row will be unmapped (give --workloads).");
            return [];
        }

        await using var stream = File.OpenRead(path);
        var now = TimeProvider.System.GetUtcNow();
        var result = await new WorkloadCatalog().ReadAsync(stream, path, new ReadContext(now, now), cancellationToken);
        foreach (var problem in result.Rejected) await Console.Error.WriteLineAsync($"workloads: {problem}");
        return result.Records;
    }
}
