using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Reassess.Tools.Bench;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess bench focus --size-mb 1024</c>: writes a synthetic FOCUS 1.2 export of that size into a temporary
/// folder, ingests it (stream, aggregate, map; no storage), and prints rows/s, MB/s and the process's peak working set,
/// sampled while it reads. A benchmark, not a test: run it on the machine whose figure you want
/// (<c>-c Release</c> for the shipped figure).
/// </summary>
public static class BenchFocusCommand
{
    /// <summary>Adds <c>focus</c> under the <c>bench</c> command, creating <c>bench</c> if no other benchmark has.</summary>
    public static void AddTo(RootCommand root)
    {
        var bench = root.Subcommands.FirstOrDefault(c => c.Name == "bench");
        if (bench is null)
        {
            bench = new Command("bench", "Benchmarks of Reassess's own work on this machine.");
            root.Subcommands.Add(bench);
        }

        bench.Subcommands.Add(Create());
    }

    public static Command Create()
    {
        var size = new Option<int>("--size-mb") { Description = "Size of the generated export in MB. Default: 1024.", DefaultValueFactory = _ => 1024 };
        size.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 65_536) r.AddError("--size-mb must be from 1 to 65536."); });
        var keep = new Option<bool>("--keep") { Description = "Keep the generated file (its path is printed) instead of deleting it." };
        var command = new Command("focus", "Generate a FOCUS export of --size-mb and time ingesting it (rows/s, MB/s, peak working set).") { size, keep };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(size), parse.GetValue(keep), ct));
        return command;
    }

    private static async Task<int> RunAsync(int sizeMb, bool keep, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var folder = Directory.CreateTempSubdirectory("reassess-bench-focus-");
        var path = Path.Combine(folder.FullName, "focus-1.2.csv");
        try
        {
            var writing = Stopwatch.StartNew();
            var rows = await FocusExportWriter.WriteAsync(path, sizeMb * 1_048_576L, new DateOnly(2026, 11, 1), 30, cancellationToken);
            var bytes = new FileInfo(path).Length;
            await Console.Error.WriteLineAsync(string.Create(inv,
                $"Wrote {path}: {rows:N0} rows, {bytes / 1_048_576d:N0} MB in {writing.Elapsed.TotalSeconds:N1} s"));

            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            var before = process.WorkingSet64;
            long sampledPeak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                using var self = Process.GetCurrentProcess();
                while (!sampling.IsCancellationRequested)
                {
                    self.Refresh();
                    sampledPeak = Math.Max(sampledPeak, self.WorkingSet64);
                    try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { break; }
                }
            }, CancellationToken.None);

            var result = await FocusBenchmark.IngestAsync(path, TimeProvider.System,
                p => Console.Error.WriteLine($"  {p}"), cancellationToken);
            await sampling.CancelAsync();
            await sampler;
            process.Refresh();

            Console.WriteLine(string.Create(inv,
                $"FOCUS ingest of {bytes / 1_048_576d:N0} MB ({result.Read.Rows:N0} rows): {result.Read.Elapsed.TotalSeconds:N1} s, " +
                $"{result.RowsPerSecond:N0} rows/s, {result.MegabytesPerSecond:N1} MB/s; {result.DailyRows:N0} daily rows " +
                $"({result.WorkloadRows:N0} mapped to workloads, {result.UnmappedGroups} unmapped group(s), {result.Rejected} rejected); " +
                $"working set {before / 1_048_576d:N0} MB before, peak {sampledPeak / 1_048_576d:N0} MB while reading (sampled every 50 ms), " +
                $"process peak {process.PeakWorkingSet64 / 1_048_576d:N0} MB"));
            if (keep) await Console.Error.WriteLineAsync($"Kept {path}.");
            return 0;
        }
        finally
        {
            if (!keep) folder.Delete(recursive: true);
        }
    }
}
