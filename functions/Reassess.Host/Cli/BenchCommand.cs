using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Globalization;
using Reassess.Pipeline.Prices;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess bench prices-import --format F FILE [--runs N]</c>: times what <c>reassess prices import --json</c> does
/// (read, check, resolve through the configured alias table, write the JSON) in this process, N times after warm-up
/// runs, and prints min, median and max milliseconds and records per second. A benchmark, not a test: run it on the
/// machine whose figure you want.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = $"The sheet's format: {string.Join(", ", PriceImport.Formats)}.", Required = true };
        format.AcceptOnlyFromAmong([.. PriceImport.Formats]);
        var file = new Argument<FileInfo>("FILE") { Description = "The sheet to import, e.g. ../shared/data/prices/litellm_model_prices.json." };
        var runs = new Option<int>("--runs") { Description = "Timed runs. Default: 20.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs first, so the figure is of warm code. Default: 3.", DefaultValueFactory = _ => 3 };
        runs.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) r.AddError("--runs must be from 1 to 10000."); });
        warmup.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 1_000) r.AddError("--warmup must be from 0 to 1000."); });

        var pricesImport = new Command("prices-import", "Time `prices import --json` on one file.") { format, file, runs, warmup };
        pricesImport.SetAction((parse, ct) => PricesImportAsync(parse.GetValue(format)!, parse.GetValue(file)!, parse.GetValue(runs), parse.GetValue(warmup), ct));
        var bench = new Command("bench", "Benchmarks of Reassess's own work on this machine.") { pricesImport };
        foreach (var command in BenchCompanyCommand.Create()) bench.Subcommands.Add(command);
        bench.Subcommands.Add(BenchCostCheckCommand.Create());
        return bench;
    }

    private static async Task<int> PricesImportAsync(string format, FileInfo file, int runs, int warmup, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"error: {file.FullName} does not exist.");
            return 1;
        }

        var contentRoot = Directory.GetCurrentDirectory();
        var configuration = HostEnvironment.LoadConfiguration(contentRoot);
        using var loggers = HostEnvironment.CreateLoggerFactory();
        await using var services = CliServices.Sources(configuration, loggers);
        var import = new PriceImport(TimeProvider.System, services.GetRequiredService<PriceRefreshOptions>());
        var aliases = await PricesCommand.AliasesAsync(Pipeline.PipelineSettings.FromConfiguration(configuration, contentRoot), cancellationToken);
        var records = 0;
        async Task<double> OnceAsync()
        {
            var started = Stopwatch.GetTimestamp();
            var result = await import.RunAsync(format, file.FullName, aliases, cancellationToken);
            await PricesCommand.WriteJsonAsync(Stream.Null, result.Result.Records, cancellationToken);
            records = result.Result.Records.Count;
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        for (var i = 0; i < warmup; i++) await OnceAsync();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++) times.Add(await OnceAsync());
        times.Sort();

        var median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture,
            $"prices import --format {format} {file.Name} ({file.Length:N0} bytes, {records:N0} records), {runs} runs after {warmup} warm-up: " +
            $"min {times[0]:0.0} ms, median {median:0.0} ms, max {times[^1]:0.0} ms; {records / (median / 1000):N0} records/s at the median"));
        return 0;
    }
}
