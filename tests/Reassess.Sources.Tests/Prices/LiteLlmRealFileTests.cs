using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>The real LiteLLM cost map (2,985 members, 1.5 MB) from ../shared/data.</summary>
public sealed class LiteLlmRealFileTests
{
    private static readonly string RealFile = TestData.File("prices", "litellm_model_prices.json");

    private static Task<Reassess.Core.Ingestion.ReadResult<PriceRecord>> ReadAsync() =>
        PriceSheetReading.ReadAsync(new LiteLlmReader(), File.ReadAllBytes(RealFile), "litellm_model_prices.json", Read.Now);

    [Fact]
    public async Task Real_file_gives_a_record_per_token_priced_model_and_names_every_entry_it_leaves_out()
    {
        var result = await ReadAsync();

        Assert.Equal(2488, result.Records.Count);
        Assert.Equal(477, result.Skipped.Count);
        Assert.Equal(20, result.Rejected.Count);
        Assert.Equal(result.Records.Count, result.Records.Select(r => r.Key).Distinct().Count());
        Assert.All(result.Records, r =>
        {
            Assert.Equal("litellm", r.Source);
            Assert.Equal("2026-07-24T18:23:43.215560+00:00", r.SheetVersion);
            Assert.Equal(DateTimeOffset.UnixEpoch, r.EffectiveFrom);
            Assert.Equal(PriceKey.For(r.Provider, r.Model), r.Key);
        });
    }

    [Fact]
    public async Task Non_model_keys_are_skipped_with_why()
    {
        var result = await ReadAsync();

        Assert.Contains(result.Skipped, p => p.Location.EndsWith("(entry \"sample_spec\")") && p.Message.Contains("not a model"));
        Assert.Contains(result.Skipped, p => p.Location.EndsWith("(entry \"fallback_generalizations\")") && p.Message.Contains("routing rules"));
        Assert.Contains(result.Skipped, p => p.Location.EndsWith("(entry \"last_updated\")") && p.Message.Contains("version stamp"));
    }

    [Fact]
    public async Task Gpt_4o_mini_per_token_prices_become_per_million()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "openai/gpt-4o-mini");

        Assert.Equal((0.15m, 0.075m, 0.6m), (price.InputPerMTok, price.CachedInputPerMTok, price.OutputPerMTok));
        Assert.Equal((0.075m, 0.3m), (price.BatchInputPerMTok, price.BatchOutputPerMTok));
        Assert.Equal("0.15", price.InputPerMTok!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Claude_haiku_4_5_has_cache_read_and_cache_write()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "anthropic/claude-haiku-4-5");

        Assert.Equal((1.00m, 0.10m, 1.25m, 5m), (price.InputPerMTok, price.CachedInputPerMTok, price.CacheWritePerMTok, price.OutputPerMTok));
    }

    [Fact]
    public async Task Fine_tuned_ft_entries_keep_their_id_and_their_own_higher_price()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "openai/ft:gpt-4o-mini-2024-07-18");

        Assert.Equal((0.3m, 0.15m, 1.2m), (price.InputPerMTok, price.CachedInputPerMTok, price.OutputPerMTok));
        Assert.Equal((0.15m, 0.6m), (price.BatchInputPerMTok, price.BatchOutputPerMTok));
    }

    [Fact]
    public async Task Above_200k_token_prices_are_kept_as_tiers_beside_the_base_price()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "anthropic/claude-sonnet-4-5");

        Assert.Equal(3m, price.InputPerMTok);
        Assert.Contains(new PriceTier(PriceNames.Input, 200_000, 6m), price.Tiers!);
        Assert.Contains(new PriceTier(PriceNames.Output, 200_000, 22.5m), price.Tiers!);
    }

    [Fact]
    public async Task A_provider_prefix_in_the_id_is_not_repeated_in_the_key()
    {
        var records = (await ReadAsync()).Records;

        Assert.Contains(records, r => r.Key == "azure/gpt-4o-mini" && r.Provider == "azure" && r.Model == "gpt-4o-mini");
        Assert.DoesNotContain(records, r => r.Key.StartsWith("azure/azure/"));
    }

    [Fact]
    public async Task Prices_over_a_thousand_dollars_per_million_are_rejected_as_unit_errors()
    {
        var result = await ReadAsync();

        var problem = Assert.Single(result.Rejected, p => p.Location == "model wandb/openai/gpt-oss-120b");
        Assert.Equal("litellm_model_prices.json", problem.Source);
        Assert.Contains("inputPerMTok 15000 is over $1,000 per 1M tokens", problem.Message);
        Assert.DoesNotContain(result.Records, r => r.Key == "wandb/openai/gpt-oss-120b");
    }

    [Fact]
    public async Task Two_entries_for_one_key_with_different_prices_keep_the_first_and_reject_the_second()
    {
        var result = await ReadAsync();

        var problem = Assert.Single(result.Rejected, p => p.Location.Contains("(entry \"deepseek/deepseek-chat\")"));
        Assert.Contains("prices deepseek/deepseek-chat differently from line 12784 (entry \"deepseek-chat\")", problem.Message);
    }
}
