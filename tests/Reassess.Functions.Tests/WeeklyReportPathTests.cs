extern alias worker;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Reassess.Hosting;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using TimerFunctions = worker::Reassess.Functions.Timers.TimerFunctions;

namespace Reassess.Functions.Tests;

/// <summary>
/// One weekly report path: the report the Functions timers publish (each job on its own timer, the report gathering
/// the week's problems from the run records) is byte for byte the one <c>reassess run</c> publishes for the same
/// inputs, and both list a quarantined price sheet and a rejected usage row under "Skipped inputs" with their source
/// and location.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class WeeklyReportPathTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] ReportFiles = ["index.html", "summary.md", "assessments.json", "finance.csv"];

    [Fact]
    public async Task The_timers_report_lists_a_quarantined_sheet_and_a_rejected_row_as_the_cli_report_does_byte_for_byte()
    {
        using var workspace = new Workspace();
        workspace.ExtraPriceSources.Add("litellm=samples/prices/litellm-cut-short.json");
        await File.WriteAllTextAsync(workspace.PathOf("samples/prices/litellm-cut-short.json"), """{"gpt-4.1": {"input_cost_per_token": 0.000002, """);
        var usage = workspace.PathOf("samples/usage-drops/usage/support.csv");
        await File.AppendAllTextAsync(usage, "ticket-triage,2026-11-22,gateway,anthropic/claude-haiku-4-5,-5,1,1,0,1,600,1,0\n");
        var badRow = File.ReadAllLines(usage).Length;
        var (timerStorage, cliStorage) = ((await azurite.NewAccountAsync()).Settings, (await azurite.NewAccountAsync()).Settings);

        var timerReport = await TimerPathAsync(workspace, timerStorage);
        var cliReport = await CliPathAsync(workspace, cliStorage);

        var html = Encoding.UTF8.GetString(timerReport["index.html"]);
        Assert.Contains($"<tr><td>{workspace.PathOf("samples/prices/litellm-cut-short.json")}</td><td>line 1, position 48</td><td>not valid JSON", html);
        Assert.Contains($"<tr><td>{usage}</td><td>line {badRow}, column calls</td><td>&#39;-5&#39; is negative", html);
        Assert.DoesNotContain("not in the catalogue", html);
        foreach (var file in ReportFiles)
            Assert.True(cliReport[file].AsSpan().SequenceEqual(timerReport[file]), $"{file} differs between the timer path and the CLI path");
    }

    /// <summary>
    /// The Functions timers at the default schedules' Monday occurrences, each invoked as the host invokes it. The hourly
    /// ingest also runs after the catalogue is synced at 06:00, and its latest run is what the report lists.
    /// </summary>
    private static async Task<Dictionary<string, byte[]>> TimerPathAsync(Workspace workspace, StorageSettings storage)
    {
        var clock = new FakeTimeProvider();
        using var services = WorkerServices.Build(workspace.Settings(storage), clock);
        var timers = WorkerServices.Activate<TimerFunctions>(services);
        var context = new Mock<FunctionContext>().Object;
        var notPastDue = new TimerInfo();

        clock.SetUtcNow(Monday.AddHours(5));
        await timers.RefreshPricesAsync(notPastDue, context);
        clock.SetUtcNow(Monday.AddHours(5.5));
        await timers.IngestUsageAsync(notPastDue, context);
        clock.SetUtcNow(Monday.AddHours(6));
        await timers.ReassessWorkloadsAsync(notPastDue, context);
        clock.SetUtcNow(Monday.AddHours(6.5));
        await timers.IngestUsageAsync(notPastDue, context);
        clock.SetUtcNow(Monday.AddHours(7));
        await timers.PublishWeeklyReportAsync(notPastDue, context);
        return await ReportAsync(storage);
    }

    /// <summary><c>reassess run --as-of 2026-11-23</c>: the whole pipeline in one go, composed as the CLI composes it.</summary>
    private static async Task<Dictionary<string, byte[]>> CliPathAsync(Workspace workspace, StorageSettings storage)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(workspace.Settings(storage)).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new FakeTimeProvider(Monday.AddHours(9)));
        await using var provider = services.AddReassessPipeline(configuration, workspace.Root, storage).BuildServiceProvider();

        await provider.GetRequiredService<WeeklyRun>().RunAsync(Monday, weeks: 1);
        return await ReportAsync(storage);
    }

    private static async Task<Dictionary<string, byte[]>> ReportAsync(StorageSettings storage)
    {
        var reports = new StorageAccount(storage).Container(storage.ReportsContainer);
        var files = new Dictionary<string, byte[]>();
        foreach (var file in ReportFiles)
            files[file] = (await reports.GetBlobClient($"2026-W48/{file}").DownloadContentAsync()).Value.Content.ToArray();
        return files;
    }
}
