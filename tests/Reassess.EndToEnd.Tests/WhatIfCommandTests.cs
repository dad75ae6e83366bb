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
        Assert.Equal(JsonValueKind.Null, root.GetProperty("bestRoute").ValueKind);
        Assert.Equal(10_000_892.86m, economics.GetProperty("monthlyCalls").GetDecimal());
        Assert.Equal(0.00049m, economics.GetProperty("baselineCostPerCall").GetDecimal());
        Assert.Equal(1m, economics.GetProperty("gpus").GetDecimal());
        Assert.Equal(1_103.55m, economics.GetProperty("monthlyFixedCost").GetDecimal());
        Assert.Equal(666.67m, economics.GetProperty("monthlyRetrainCost").GetDecimal());
        Assert.Equal(3_130.22m, economics.GetProperty("monthlyNetSavings").GetDecimal());
        Assert.Equal(30_000m, economics.GetProperty("buildCost").GetDecimal());
        Assert.Equal(9.584m, economics.GetProperty("paybackMonths").GetDecimal());
        Assert.Equal(95_848_441m, economics.GetProperty("breakevenCalls").GetDecimal());
        Assert.Equal(3_612_687m, economics.GetProperty("monthlyVolumeFloor").GetDecimal());
        Assert.Equal(7_562.65m, economics.GetProperty("horizonNet").GetDecimal());
        Assert.Equal(0.0001770059m, economics.GetProperty("allInCandidateCostPerCall").GetDecimal());
        Assert.Equal(0.0004944501m, economics.GetProperty("baselineCostPerAcceptedOutcome").GetDecimal());
        Assert.Equal(0.0001786134m, economics.GetProperty("candidateCostPerAcceptedOutcome").GetDecimal());
        var sensitivity = root.GetProperty("sensitivity");
        Assert.InRange(sensitivity.GetProperty("flipMonthlyCalls").GetDecimal(), 8_714_728m * 0.999m, 8_714_728m * 1.001m);
        Assert.InRange(sensitivity.GetProperty("flipBaselinePriceChangePct").GetDecimal(), -12.87m, -12.85m);
        Assert.InRange(sensitivity.GetProperty("margin").GetDecimal(), 0.1285m, 0.1287m);
        Assert.False(sensitivity.GetProperty("fragile").GetBoolean());
        foreach (var threshold in new[] { "volume", "format", "latency", "quality" })
            Assert.Equal("Met", root.GetProperty("thresholds").GetProperty(threshold).GetProperty("status").GetString());
        Assert.Equal(["Stay", "FineTune"], root.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
        Assert.Empty(root.GetProperty("readinessGaps").EnumerateArray());
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Whatif_on_worked_example_2_routes_to_gpt_41_mini_with_every_option_priced()
    {
        var result = await ReassessCli.RunAsync(NoStorage, "whatif", "samples/whatif-worked-example-2.json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("Route", root.GetProperty("verdict").GetString());
        Assert.Equal("openai/gpt-4.1-mini", root.GetProperty("bestRoute").GetString());
        var economics = root.GetProperty("economics");
        Assert.Equal(1_217_500m, economics.GetProperty("monthlyCalls").GetDecimal());
        Assert.Equal(0.00665m, economics.GetProperty("baselineCostPerCall").GetDecimal());
        Assert.Equal(0.000905m, economics.GetProperty("candidateCostPerCall").GetDecimal());
        Assert.Equal(300m, economics.GetProperty("trainingCost").GetDecimal());
        Assert.Equal(31_300m, economics.GetProperty("buildCost").GetDecimal());
        Assert.Equal(1_741.85m, economics.GetProperty("monthlyFixedCost").GetDecimal());
        Assert.Equal(1_075.00m, economics.GetProperty("monthlyRetrainCost").GetDecimal());
        Assert.Equal(3_918.69m, economics.GetProperty("candidateMonthlyCost").GetDecimal());
        Assert.Equal(4_177.69m, economics.GetProperty("monthlyNetSavings").GetDecimal());
        Assert.Equal(7.492m, economics.GetProperty("paybackMonths").GetDecimal());
        Assert.Equal(9_121_733m, economics.GetProperty("breakevenCalls").GetDecimal());
        Assert.Equal(18_832.25m, economics.GetProperty("horizonNet").GetDecimal());
        var sensitivity = root.GetProperty("sensitivity");
        Assert.InRange(sensitivity.GetProperty("flipMonthlyCalls").GetDecimal(), 944_331m * 0.999m, 944_331m * 1.001m);
        Assert.InRange(sensitivity.GetProperty("flipBaselinePriceChangePct").GetDecimal(), -19.47m, -19.29m);

        var options = root.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("model").GetString()!);
        Assert.Equal(["openai/gpt-4.1", "openai/gpt-4.1-mini", "openai/gpt-4.1-nano", "azure/gpt-4.1-mini-ft"], options.Keys);
        var mini = options["openai/gpt-4.1-mini"];
        Assert.Equal((0.00133m, 6_477.10m, 77_725.20m, 0m, 0.0013543788m),
            (mini.GetProperty("perCallCost").GetDecimal(), mini.GetProperty("monthlyNetSavings").GetDecimal(), mini.GetProperty("horizonNet").GetDecimal(),
                mini.GetProperty("paybackMonths").GetDecimal(), mini.GetProperty("costPerAcceptedOutcome").GetDecimal()));
        var nano = options["openai/gpt-4.1-nano"];
        Assert.Equal((0.6m, 0.0028795m, 4_590.58m, 49_087.00m, 1.307m),
            (nano.GetProperty("share").GetDecimal(), nano.GetProperty("perCallCost").GetDecimal(), nano.GetProperty("monthlyNetSavings").GetDecimal(),
                nano.GetProperty("horizonNet").GetDecimal(), nano.GetProperty("paybackMonths").GetDecimal()));
        Assert.True(options["azure/gpt-4.1-mini-ft"].GetProperty("qualifies").GetBoolean());

        var thresholds = root.GetProperty("thresholds");
        Assert.Equal(["Met", "Met", "Met", "NotMet"],
            new[] { "volume", "format", "latency", "quality" }.Select(t => thresholds.GetProperty(t).GetProperty("status").GetString()));
        Assert.Contains("openai/gpt-4.1-mini already scores 97.2", thresholds.GetProperty("quality").GetProperty("evidence").GetString());
        Assert.Equal(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"],
            root.GetProperty("inputs").GetProperty("window").GetProperty("evalDays").EnumerateArray().Select(d => d.GetString()));
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
