using Reassess.Storage.Tables;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;

namespace Reassess.EndToEnd.Tests;

[Collection(AzuriteFixture.Collection)]
public class RunCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_publishes_the_four_report_files_to_blobs_and_the_out_folder_with_progress()
    {
        var settings = azurite.NewSettings();
        var output = Directory.CreateTempSubdirectory("reassess-out-").FullName;

        var result = await ReassessCli.RunAsync(Environment(settings), "run", "--as-of", "2026-11-23", "--weeks", "2", "--out", output);

        Assert.True(result.ExitCode == 0, result.StandardError);
        foreach (var step in new[] { "[1/5] Workloads", "[2/5] Prices", "[3/5] Usage", "[4/5] Reassess 2 weeks up to 2026-W48", "[5/5] Weekly report 2026-W48" })
            Assert.Contains(step, result.StandardError);
        Assert.Contains("ReassessWorkloads 2026-W48: 2 FineTune, 1 PrepareFineTune, 2 Route, 1 StayOnFrontier", result.StandardError);

        string[] files = ["index.html", "summary.md", "assessments.json", "finance.csv"];
        var reports = new BlobFiles(new StorageAccount(settings));
        foreach (var file in files)
        {
            var local = await File.ReadAllBytesAsync(Path.Combine(output, file));
            Assert.Equal(local, (await reports.DownloadAsync($"reports/2026-W48/{file}"))!.Content);
            Assert.Equal(local, (await reports.DownloadAsync($"reports/latest/{file}"))!.Content);
        }
    }

    [Fact]
    public async Task Running_the_same_week_twice_leaves_the_same_rows_and_byte_identical_report_blobs()
    {
        var settings = azurite.NewSettings();
        var account = new StorageAccount(settings);
        string[] args = ["run", "--as-of", "2026-11-25", "--weeks", "2", "--out", Directory.CreateTempSubdirectory("reassess-out-").FullName];

        var first = await ReassessCli.RunAsync(Environment(settings), args);
        var afterFirst = await StorageSnapshot.TakeAsync(account);
        var second = await ReassessCli.RunAsync(Environment(settings), args);
        var afterSecond = await StorageSnapshot.TakeAsync(account);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("0 prices changed", second.StandardError);
        Assert.Contains(afterFirst.Keys, k => k == "blob reports/2026-W48/index.html");
        Assert.Contains(afterFirst.Keys, k => k == $"table Assessments 2026-W48|{StorageKeys.Shard("product-tagging")} product-tagging");
        Assert.Contains(afterFirst.Keys, k => k.StartsWith($"table UsageDaily202611 {StorageKeys.Shard("product-tagging")} product-tagging|", StringComparison.Ordinal));
        Assert.Empty(StorageSnapshot.Differences(afterFirst, afterSecond));
    }

    [Fact]
    public async Task Run_with_a_bad_date_says_what_to_type()
    {
        var result = await ReassessCli.RunAsync(Environment(azurite.NewSettings()), "run", "--as-of", "23/11/2026");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--as-of '23/11/2026' is not a date; use yyyy-MM-dd", result.StandardError + result.StandardOutput);
    }

    [Fact]
    public async Task Run_with_a_bad_setting_names_the_setting()
    {
        var environment = Environment(azurite.NewSettings());
        environment["Reassess__WindowDays"] = "four weeks";

        var result = await ReassessCli.RunAsync(environment, "run", "--as-of", "2026-11-23");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Setting Reassess__WindowDays is 'four weeks'", result.StandardError);
    }

    private static Dictionary<string, string?> Environment(StorageSettings settings) => new()
    {
        ["AzureWebJobsStorage"] = settings.ConnectionString,
        ["Storage__NamePrefix"] = settings.NamePrefix,
    };
}
