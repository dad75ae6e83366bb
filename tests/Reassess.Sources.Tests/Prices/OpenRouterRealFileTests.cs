using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>13 models of the real OpenRouter <c>/api/v1/models</c> answer.</summary>
public sealed class OpenRouterRealFileTests
{
    private static readonly string RealFile = TestData.File("prices", "openrouter_models_excerpt.json");

    private static Task<Reassess.Core.Ingestion.ReadResult<PriceRecord>> ReadAsync() => Read.File(new OpenRouterReader(), RealFile);

    [Fact]
    public async Task Twelve_models_are_read_and_the_dynamic_router_is_skipped_with_why()
    {
        var result = await ReadAsync();

        Assert.Equal(12, result.Records.Count);
        Assert.Empty(result.Rejected);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("line 1113 (entry 13)", skipped.Location);
        Assert.StartsWith("openrouter/auto-beta is priced per request (\"-1\": dynamic", skipped.Message);
        Assert.DoesNotContain(result.Records, r => r.Model == "openrouter/auto-beta");
    }

    [Fact]
    public async Task Usd_per_token_strings_become_per_million_in_decimal()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "openrouter/openai/gpt-4o-mini");

        Assert.Equal((0.15m, 0.075m, 0.6m), (price.InputPerMTok, price.CachedInputPerMTok, price.OutputPerMTok));
        Assert.Equal("openrouter", price.Source);
    }

    [Fact]
    public async Task Free_models_are_kept_at_zero()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "openrouter/inclusionai/ling-3.0-flash:free");

        Assert.Equal((0m, 0m), (price.InputPerMTok, price.OutputPerMTok));
    }

    [Fact]
    public async Task Long_context_overrides_become_tiers()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "openrouter/qwen/qwen3.7-flash");

        Assert.Equal(0.03m, price.InputPerMTok);
        Assert.Equal(8, price.Tiers!.Count);
        Assert.Contains(new PriceTier(PriceNames.Input, 32_000, 0.1m), price.Tiers);
        Assert.Contains(new PriceTier(PriceNames.Output, 256_000, 0.8m), price.Tiers);
    }

    [Fact]
    public async Task A_price_with_many_digits_keeps_them_all()
    {
        var price = Assert.Single((await ReadAsync()).Records, r => r.Key == "openrouter/google/gemini-2.5-flash");

        Assert.Equal(0.08333333333333334m, price.CacheWritePerMTok);
    }
}
