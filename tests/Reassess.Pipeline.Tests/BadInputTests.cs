using Reassess.Core.Time;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

[Collection(AzuriteFixture.Collection)]
public class BadInputTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_malformed_workload_is_reported_with_its_field_and_the_others_are_assessed()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var workloads = workspace.PathOf("samples/workloads.json");
        File.WriteAllText(workloads, File.ReadAllText(workloads).Replace("\"promptReduction\": 0.85", "\"promptReduction\": 1.85"));

        var result = await workspace.RunAsync();

        var problem = Assert.Single(result.Problems, p => p.Source == workloads);
        Assert.Equal("workloads[4] (id 'product-tagging')", problem.Location);
        // Its usage is not lost: stored and counted as usage of a workload not (yet) in the catalogue.
        Assert.Contains(result.Problems, p => p.Location == "workload 'product-tagging'" && p.Message.Contains("not in the catalogue"));
        Assert.Contains("fineTune.promptReduction: 1.85 is outside 0–1", problem.Message);
        Assert.Equal(5, (await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48))).Count);
        var report = System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Name == "index.html").Content);
        Assert.Contains("fineTune.promptReduction: 1.85 is outside 0–1", report);
    }

    [Fact]
    public async Task A_workload_that_turns_invalid_keeps_its_last_good_version_in_force()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        await workspace.RunAsync();
        var workloads = workspace.PathOf("samples/workloads.json");
        File.WriteAllText(workloads, File.ReadAllText(workloads).Replace("\"epochs\": 2, \"promptReduction\": 0.85", "\"epochs\": \"two\", \"promptReduction\": 0.85"));

        var result = await workspace.RunAsync();

        Assert.Contains(result.Problems, p => p.Message.StartsWith("fineTune.epochs:"));
        var stored = await workspace.Context.Workloads.FindAsync("product-tagging");
        Assert.Equal(2, stored!.FineTune.Epochs);
        Assert.Equal(6, (await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48))).Count);
    }

    [Fact]
    public async Task A_price_sheet_that_cannot_be_read_is_quarantined_and_stored_prices_stay()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        await workspace.RunAsync();
        var before = await workspace.Context.Prices.GetInForceAsync("azure/gpt-4.1-mini-ft", SampleWorkspace.AsOf);
        var overrides = workspace.PathOf("samples/prices/overrides.csv");
        File.WriteAllText(overrides, "model,price\nazure/gpt-4.1-mini-ft,-1\n");

        var result = await workspace.RunAsync();

        var problem = Assert.Single(result.Problems, p => p.Source == overrides);
        Assert.Contains("key", problem.Message);
        Assert.Contains("quarantined", problem.Message);
        Assert.Equal(before, await workspace.Context.Prices.GetInForceAsync("azure/gpt-4.1-mini-ft", SampleWorkspace.AsOf));
        Assert.Contains("price-sheets/quarantine/overrides/2026-11-23/overrides.csv", await workspace.Files.ListAsync("price-sheets/quarantine"));
        Assert.Equal(6, (await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48))).Count);
    }

    [Fact]
    public async Task A_negative_price_rejects_that_row_only()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var overrides = workspace.PathOf("samples/prices/overrides.csv");
        File.WriteAllText(overrides, File.ReadAllText(overrides).Replace("azure/gpt-4o-mini-ft,0.165", "azure/gpt-4o-mini-ft,-0.165"));

        var result = await workspace.RunAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 3, column inputPerMTok", problem.Location);
        Assert.Contains("negative", problem.Message);
        Assert.Null(await workspace.Context.Prices.GetInForceAsync("azure/gpt-4o-mini-ft", SampleWorkspace.AsOf));
        Assert.NotNull(await workspace.Context.Prices.GetInForceAsync("azure/gpt-4.1-mini-ft", SampleWorkspace.AsOf));
    }

    [Fact]
    public async Task A_bad_usage_row_is_reported_with_file_and_line_and_stored_rows_stay()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        await workspace.RunAsync();
        var day = new DateOnly(2026, 11, 20);
        var before = await workspace.Context.Usage.GetDailyAsync("code-review", day, day);
        var usage = workspace.PathOf("samples/usage-drops/usage/devex.csv");
        var lines = File.ReadAllLines(usage);
        var index = Array.FindIndex(lines, l => l.StartsWith("code-review,2026-11-20,"));
        lines[index] = lines[index].Replace("code-review,2026-11-20,gateway,anthropic/claude-opus-4-1,", "code-review,20/11/2026,gateway,anthropic/claude-opus-4-1,");
        lines[index + 1] = string.Join(',', lines[index + 1].Split(',').Select((v, i) => i == 4 ? "-5" : v));
        File.WriteAllLines(usage, lines);

        var result = await workspace.RunAsync();

        Assert.Equal(2, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal(usage, p.Source));
        Assert.Contains(result.Problems, p => p.Location.StartsWith($"line {index + 1}") && p.Message.Contains("20/11/2026"));
        Assert.Contains(result.Problems, p => p.Location.StartsWith($"line {index + 2}") && p.Message.Contains("negative"));
        Assert.Equal(before, await workspace.Context.Usage.GetDailyAsync("code-review", day, day));
        Assert.Equal(6, (await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48))).Count);
    }

    [Fact]
    public async Task A_workload_without_a_price_is_skipped_with_what_to_add_and_the_others_are_assessed()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var workloads = workspace.PathOf("samples/workloads.json");
        File.WriteAllText(workloads, File.ReadAllText(workloads).Replace("\"model\": \"openai/gpt-5\"", "\"model\": \"openai/gpt-9-preview\""));

        var result = await workspace.RunAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Equal("workload 'contract-summaries'", problem.Location);
        Assert.Contains("no price in force for baseline model 'openai/gpt-9-preview'", problem.Message);
        Assert.Equal(5, (await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48))).Count);
    }
}
