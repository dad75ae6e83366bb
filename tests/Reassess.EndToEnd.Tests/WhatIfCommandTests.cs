using System.Text.Json;

namespace Reassess.EndToEnd.Tests;

public class WhatIfCommandTests
{
    private static readonly Dictionary<string, string?> NoStorage = new();

    [Fact]
    public async Task Whatif_on_the_worked_example_prints_every_design_figure_and_fine_tune()
    {
        var result = await ReassessCli.RunAsync(NoStorage, "whatif", "samples/whatif-worked-example.json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var economics = root.GetProperty("economics");
        Assert.Equal("FineTune", root.GetProperty("verdict").GetString());
        Assert.Equal(10_000_892.86m, economics.GetProperty("monthlyCalls").GetDecimal());
        Assert.Equal(0.00049m, economics.GetProperty("baselineCostPerCall").GetDecimal());
        Assert.Equal(1_770.22m, economics.GetProperty("candidateMonthlyCost").GetDecimal());
        Assert.Equal(3_130.22m, economics.GetProperty("monthlyNetSavings").GetDecimal());
        Assert.Equal(30_000m, economics.GetProperty("buildCost").GetDecimal());
        Assert.Equal(61_224_490m, economics.GetProperty("breakevenCalls").GetDecimal());
        Assert.Equal(3_612_687m, economics.GetProperty("monthlyVolumeFloor").GetDecimal());
        Assert.Equal(9.584m, economics.GetProperty("paybackMonths").GetDecimal());
        Assert.Equal(7_562.65m, economics.GetProperty("horizonNet").GetDecimal());
        var sensitivity = root.GetProperty("sensitivity");
        Assert.InRange(sensitivity.GetProperty("flipMonthlyCalls").GetDecimal(), 8_714_728m * 0.999m, 8_714_728m * 1.001m);
        Assert.InRange(sensitivity.GetProperty("flipBaselinePriceChangePct").GetDecimal(), -12.87m, -12.85m);
        foreach (var threshold in new[] { "volume", "format", "latency", "quality" })
            Assert.Equal("Met", root.GetProperty("thresholds").GetProperty(threshold).GetProperty("status").GetString());
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Whatif_with_an_invalid_workload_names_the_field_and_exits_non_zero()
    {
        var body = File.ReadAllText(Path.Combine(Reassess.Tools.Azurite.RepositoryRoot.Find(), "samples/whatif-worked-example.json"))
            .Replace("\"gpus\": 1", "\"gpus\": -1");
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bad.json");
        File.WriteAllText(file, body);

        var result = await ReassessCli.RunAsync(NoStorage, "whatif", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        Assert.Contains("fineTune.gpus: -1 is negative", result.StandardError);
        Assert.Contains(file, result.StandardError);
    }

    [Fact]
    public async Task Whatif_without_a_price_for_the_baseline_says_what_to_add()
    {
        var body = File.ReadAllText(Path.Combine(Reassess.Tools.Azurite.RepositoryRoot.Find(), "samples/whatif-worked-example.json"))
            .Replace("\"anthropic/claude-haiku-4-5\": {", "\"anthropic/claude-3-haiku\": {");
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "unpriced.json");
        File.WriteAllText(file, body);

        var result = await ReassessCli.RunAsync(NoStorage, "whatif", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no price in force for baseline model 'anthropic/claude-haiku-4-5'", result.StandardError);
    }
}
