using Reassess.Core.Prices;
using Reassess.Pipeline.Prices;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests.Prices;

/// <summary>What <c>reassess prices import</c> reads and says, without storage.</summary>
public class PriceImportTests
{
    private static readonly PriceAliases SampleAliases = new([new("anthropic/claude-haiku-4-5-20251001", "anthropic/claude-haiku-4-5")]);

    [Fact]
    public async Task Importing_litellm_gives_canonical_records_and_a_summary_of_what_was_parsed_skipped_and_rejected()
    {
        var path = SharedData.Path("prices", "litellm_model_prices.json");

        var imported = await new PriceImport(TimeProvider.System, TestPipeline.PriceRefresh()).RunAsync("litellm", path, SampleAliases);

        Assert.Equal(2487, imported.Result.Records.Count);
        Assert.DoesNotContain(imported.Result.Records, r => r.Key == "anthropic/claude-haiku-4-5-20251001");
        var summary = imported.Summary().ToList();
        Assert.StartsWith($"litellm {path}: 2,487 prices parsed, 478 skipped on purpose, 20 rejected (1,487,719 bytes in ", summary[0]);
        Assert.Contains(summary, l => l.StartsWith("  skipped 461× states no per-token input or output price"));
        Assert.Contains(summary, l => l.StartsWith("  rejected ") && l.Contains("model wandb/openai/gpt-oss-120b: inputPerMTok 15000 is over $1,000 per 1M tokens"));
    }

    [Fact]
    public async Task Importing_genai_prices_resolves_through_its_own_match_rules()
    {
        var imported = await new PriceImport(TimeProvider.System, TestPipeline.PriceRefresh()).RunAsync("genai-prices", SharedData.Path("prices", "genai_prices_v2.json"), PriceAliases.None);

        Assert.Equal(1309, imported.Result.Records.Count);
        Assert.Equal(1.00m, imported.Result.Records.Single(r => r.Key == "anthropic/claude-haiku-4-5").InputPerMTok);
    }

    [Fact]
    public async Task A_sheet_that_cannot_be_read_is_refused_whole()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "{\"data\": [");
        try
        {
            var error = await Assert.ThrowsAsync<Core.Ingestion.InputRejectedException>(() =>
                new PriceImport(TimeProvider.System, TestPipeline.PriceRefresh()).RunAsync("openrouter", path, PriceAliases.None));
            Assert.Equal(path, error.Problem.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
