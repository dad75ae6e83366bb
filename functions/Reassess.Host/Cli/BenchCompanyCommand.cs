using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Core.Workloads;
using Reassess.Pipeline;
using Reassess.Tools.Bench;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess bench generate</c> loads a synthetic company into the configured storage (or the embedded Azurite);
/// <c>reassess bench run</c> loads one into a private in-memory Azurite and measures, in one process, the weekly
/// reassessment and report against the raw batch-upsert rate of the same storage for as many rows of the same size.
/// </summary>
public static class BenchCompanyCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<Command> Create()
    {
        yield return Generate();
        yield return Run();
    }

    private static (Option<int> Workloads, Option<int> Days, Option<int> Seed, Option<string> Week) CompanyOptions()
    {
        var workloads = new Option<int>("--workloads") { Description = "Workloads in the company. Default: 100000.", DefaultValueFactory = _ => 100_000 };
        workloads.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000) r.AddError("--workloads must be from 1 to 1000000."); });
        var days = new Option<int>("--days") { Description = "Days of usage per workload, ending the Sunday before --week. Default: 28.", DefaultValueFactory = _ => 28 };
        days.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 400) r.AddError("--days must be from 1 to 400."); });
        var seed = new Option<int>("--seed") { Description = "Seed of the company; the same seed makes the same company. Default: 42.", DefaultValueFactory = _ => 42 };
        var week = new Option<string>("--week") { Description = "ISO week to reassess (yyyy-Www). Default: 2026-W48.", DefaultValueFactory = _ => "2026-W48" };
        week.Validators.Add(r => { if (!IsoWeek.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError($"--week '{r.GetValueOrDefault<string>()}' is not an ISO week; use yyyy-Www, e.g. 2026-W48."); });
        return (workloads, days, seed, week);
    }

    private static Command Generate()
    {
        var (workloads, days, seed, week) = CompanyOptions();
        var command = new Command("generate", "Write a synthetic company (workloads, prices, daily usage, evals) into the configured storage.") { workloads, days, seed, week };
        command.SetAction(async (parse, ct) =>
        {
            using var loggers = HostEnvironment.CreateLoggerFactory();
            var logger = loggers.CreateLogger("reassess");
            await using var pipeline = await CliPipeline.OpenAsync(loggers, logger, ct);
            var context = pipeline.Services.GetRequiredService<PipelineContext>();
            var company = await CompanyAsync(context, parse.GetValue(workloads), parse.GetValue(days), parse.GetValue(seed), parse.GetValue(week)!, ct);
            var figures = await new CompanyBenchmark(context).GenerateAsync(company, ct);
            Console.WriteLine(string.Create(Inv,
                $"Generated {company.WorkloadCount:N0} workloads × {company.Days} days ({company.FirstDay:yyyy-MM-dd} to {company.LastDay:yyyy-MM-dd}) in {figures.Elapsed.TotalSeconds:N1} s: " +
                $"{figures.EntitiesWritten:N0} rows ({figures.EntitiesPerSecond:N0}/s). Reassess it with: reassess run --as-of {Week(parse.GetValue(week)!).Monday:yyyy-MM-dd}"));
            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var (workloads, days, seed, week) = CompanyOptions();
        var heap = new Option<int>("--azurite-heap-mb") { Description = "Node heap for the private Azurite, which keeps every row in memory. Default: 8192.", DefaultValueFactory = _ => 8192 };
        var command = new Command("run", "Measure the weekly reassessment of a synthetic company against raw batch upserts, on a private in-memory Azurite.") { workloads, days, seed, week, heap };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(workloads), parse.GetValue(days), parse.GetValue(seed), parse.GetValue(week)!, parse.GetValue(heap), ct));
        return command;
    }

    private static async Task<int> RunAsync(int workloads, int days, int seed, string weekText, int heapMb, CancellationToken ct)
    {
        using var loggers = HostEnvironment.CreateLoggerFactory();
        var logger = loggers.CreateLogger("reassess");
        var contentRoot = Directory.GetCurrentDirectory();
        var configuration = HostEnvironment.LoadConfiguration(contentRoot);
        logger.LogInformation("Starting a private in-memory Azurite (Node heap {Heap:N0} MB)", heapMb);
        await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteOptions { NodeHeapMegabytes = heapMb }, line => logger.LogInformation("{Line}", line), ct);
        var account = new StorageAccount(azurite.Settings());
        await account.EnsureCreatedAsync(ct);
        await using var services = CliServices.Pipeline(configuration, contentRoot, account.Settings, loggers);
        var context = services.GetRequiredService<PipelineContext>();
        var week = Week(weekText);
        var bench = new CompanyBenchmark(context);

        logger.LogInformation("[1/3] Generating {Workloads:N0} workloads × {Days} days", workloads, days);
        var company = await CompanyAsync(context, workloads, days, seed, weekText, ct);
        var generated = await bench.GenerateAsync(company, ct);

        logger.LogInformation("[2/3] Weekly reassessment of {Week} and its report", week);
        PhaseFigures[] weekly;
        long peak;
        string peakMethod;
        var cpu = new CpuTimes(azurite.ProcessId);
        await using (var memory = PeakMemory.Start())
        {
            weekly = await bench.WeeklyAsync(week, ct);
            (peak, peakMethod) = (memory.PeakBytes, memory.Method);
        }

        var (ownCpu, azuriteCpu) = cpu.Elapsed();

        var endToEnd = weekly[^1];
        logger.LogInformation("[3/3] Raw batch upserts: {Entities:N0} copies of the run's rows, then as many rows of {Bytes:N0} bytes in one column",
            endToEnd.EntitiesWritten, endToEnd.AverageEntityBytes);
        var raw = await bench.RawSameRowsAsync(endToEnd.RowsByTable, ct);
        var oneColumn = await bench.RawBatchAsync(endToEnd.EntitiesWritten, endToEnd.AverageEntityBytes, ct);

        Print(company, generated, weekly, raw, oneColumn, peak, peakMethod);
        Console.WriteLine(string.Create(Inv,
            $"CPU during the weekly run ({endToEnd.Elapsed.TotalSeconds:N1} s on {Environment.ProcessorCount} cores): Reassess {ownCpu.TotalSeconds:N1} s, Azurite {azuriteCpu.TotalSeconds:N1} s"));
        var ratio = endToEnd.EntitiesPerSecond / raw.EntitiesPerSecond;
        return endToEnd.Elapsed < TimeSpan.FromMinutes(5) && peak < 1L << 30 && ratio >= 0.7 ? 0 : 3;
    }

    private static void Print(SyntheticCompany company, PhaseFigures generated, PhaseFigures[] weekly, PhaseFigures raw, PhaseFigures oneColumn, long peak, string peakMethod)
    {
        var endToEnd = weekly[^1];
        var ratio = endToEnd.EntitiesPerSecond / raw.EntitiesPerSecond;
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"Company: {company.WorkloadCount:N0} workloads, {company.TeamCount:N0} teams, {company.Days} days of usage; machine: {Environment.ProcessorCount} cores"));
        Console.WriteLine($"{"phase",-30} {"seconds",9} {"rows written",13} {"rows/s",9} {"workloads/s",12}");
        foreach (var phase in (PhaseFigures[])[generated, .. weekly, raw, oneColumn])
            Console.WriteLine(string.Create(Inv,
                $"{phase.Phase,-30} {phase.Elapsed.TotalSeconds,9:N1} {phase.EntitiesWritten,13:N0} {phase.EntitiesPerSecond,9:N0} {(phase.Workloads > 0 ? phase.WorkloadsPerSecond.ToString("N0", Inv) : "")!,12}"));
        Console.WriteLine(string.Create(Inv, $"report: {endToEnd.ReportBytes / 1_048_576d:N1} MB; average row written: {endToEnd.AverageEntityBytes:N0} bytes (estimated)"));
        Console.WriteLine(string.Create(Inv, $"peak memory during the weekly run: {peak / 1_048_576d:N0} MB ({peakMethod})"));
        Console.WriteLine(string.Create(Inv, $"end-to-end / raw rows/s (raw = copies of the run's rows): {ratio:P0}"));
        Console.WriteLine(string.Create(Inv, $"end-to-end / one-column rows of the same size: {endToEnd.EntitiesPerSecond / oneColumn.EntitiesPerSecond:P0}; the run's rows against one-column rows: {raw.EntitiesPerSecond / oneColumn.EntitiesPerSecond:P0}"));
        Console.WriteLine(string.Create(Inv, $"targets: reassess + report < 5 min {Mark(endToEnd.Elapsed < TimeSpan.FromMinutes(5))}, peak < 1 GB {Mark(peak < 1L << 30)}, ratio ≥ 70% {Mark(ratio >= 0.7)}"));
    }

    /// <summary>CPU time of this process and of Azurite since construction: who the cores went to.</summary>
    private sealed class CpuTimes(int azuriteProcessId)
    {
        private readonly TimeSpan _own = Own();
        private readonly TimeSpan _azurite = Azurite(azuriteProcessId);

        public (TimeSpan Own, TimeSpan Azurite) Elapsed() => (Own() - _own, Azurite(azuriteProcessId) - _azurite);

        private static TimeSpan Own()
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return self.TotalProcessorTime;
        }

        private static TimeSpan Azurite(int id)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(id);
                return process.TotalProcessorTime;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return TimeSpan.Zero; // gone or not ours to read: shown as 0
            }
        }
    }

    private static IsoWeek Week(string text) => IsoWeek.TryParse(text, out var week) ? week : throw new ArgumentException($"'{text}' is not an ISO week.");

    private static string Mark(bool met) => met ? "met" : "NOT MET";

    private static async Task<SyntheticCompany> CompanyAsync(PipelineContext context, int workloads, int days, int seed, string week, CancellationToken ct)
    {
        // The sample catalogue's workloads are the templates: real model keys, targets and fine-tune plans.
        var path = context.Settings.Resolve(new PipelineSettings().WorkloadsPath);
        await using var file = File.OpenRead(path);
        var now = context.Clock.GetUtcNow();
        var templates = await new WorkloadCatalog().ReadAsync(file, path, new ReadContext(now, now), ct);
        return new SyntheticCompany(templates.Records, workloads, days, Week(week).Monday.AddDays(-1), seed);
    }
}
