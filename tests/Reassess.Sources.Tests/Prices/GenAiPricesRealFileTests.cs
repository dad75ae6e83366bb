using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>The real genai-prices v2 data.json (36 providers, 1,466 models) from ../shared/data.</summary>
public sealed class GenAiPricesRealFileTests
{
    private static readonly string RealFile = TestData.File("prices", "genai_prices_v2.json");
    private readonly GenAiPricesReader _reader = new();

    private static DateTimeOffset Day(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    private async Task<PriceRecord> PriceOf(string key, DateTimeOffset asOf)
    {
        var result = await Read.File(_reader, RealFile, Read.At(asOf));
        return Assert.Single(result.Records, r => r.Key == key);
    }

    [Fact]
    public async Task Real_file_gives_one_record_per_priced_model_and_rejects_nothing()
    {
        var result = await Read.File(_reader, RealFile);

        Assert.Empty(result.Rejected);
        Assert.Equal(1309, result.Records.Count);
        // 157 models state no token price (mostly ':free' aliases with an empty price list) + 2 time-of-day lists.
        Assert.Equal(159, result.Skipped.Count);
        Assert.Equal(result.Records.Count, result.Records.Select(r => r.Key).Distinct().Count());
        Assert.All(result.Records, r =>
        {
            Assert.Equal("genai-prices", r.Source);
            Assert.Equal(Read.FetchedAt, r.FetchedAt);
            Assert.Equal("USD", r.Currency);
            Assert.Equal(r.Key.ToLowerInvariant(), r.Key);
            Assert.Equal(PriceKey.For(r.Provider, r.Model), r.Key);
        });
    }

    [Fact]
    public async Task Gpt_4o_mini_has_its_published_token_prices()
    {
        var price = await PriceOf("openai/gpt-4o-mini", Read.FetchedAt);

        Assert.Equal(0.15m, price.InputPerMTok);
        Assert.Equal(0.075m, price.CachedInputPerMTok);
        Assert.Null(price.CacheWritePerMTok);
        Assert.Equal(0.6m, price.OutputPerMTok);
        Assert.Equal(DateTimeOffset.UnixEpoch, price.EffectiveFrom);
    }

    [Fact]
    public async Task Claude_haiku_4_5_has_cache_read_and_cache_write_prices()
    {
        var price = await PriceOf("anthropic/claude-haiku-4-5", Read.FetchedAt);

        Assert.Equal(1.00m, price.InputPerMTok);
        Assert.Equal(0.10m, price.CachedInputPerMTok);
        Assert.Equal(1.25m, price.CacheWritePerMTok);
        Assert.Equal(5m, price.OutputPerMTok);
    }

    [Theory]
    [InlineData(2025, 6, 9, 10, 40, false)]
    [InlineData(2025, 6, 10, 2, 8, true)]
    [InlineData(2026, 8, 3, 2, 8, true)]
    public async Task O3_takes_the_price_cut_from_its_start_date_on(int y, int m, int d, int input, int output, bool cut)
    {
        var price = await PriceOf("openai/o3", Day(y, m, d));

        Assert.Equal(input, price.InputPerMTok);
        Assert.Equal(0.5m, price.CachedInputPerMTok);
        Assert.Equal(output, price.OutputPerMTok);
        Assert.Equal(cut ? Day(2025, 6, 10) : DateTimeOffset.UnixEpoch, price.EffectiveFrom);
    }

    [Fact]
    public async Task Claude_sonnet_4_6_uses_the_tier_base_before_its_flat_list_and_dates_the_flat_list_after()
    {
        var before = await PriceOf("anthropic/claude-sonnet-4-6", Day(2026, 3, 12));
        var after = await PriceOf("anthropic/claude-sonnet-4-6", Day(2026, 3, 13).AddHours(9));

        Assert.Equal((3m, 0.3m, 3.75m, 15m), (before.InputPerMTok, before.CachedInputPerMTok, before.CacheWritePerMTok, before.OutputPerMTok));
        Assert.Equal(DateTimeOffset.UnixEpoch, before.EffectiveFrom);
        Assert.Equal((3m, 0.3m, 3.75m, 15m), (after.InputPerMTok, after.CachedInputPerMTok, after.CacheWritePerMTok, after.OutputPerMTok));
        Assert.Equal(Day(2026, 3, 13), after.EffectiveFrom);
    }

    [Fact]
    public async Task Claude_sonnet_5_keeps_its_launch_price_until_the_announced_rise()
    {
        var launch = await PriceOf("anthropic/claude-sonnet-5", Day(2026, 8, 31).AddHours(23));
        var risen = await PriceOf("anthropic/claude-sonnet-5", Day(2026, 9, 1));

        Assert.Equal((2m, 10m), (launch.InputPerMTok, launch.OutputPerMTok));
        Assert.Equal((3m, 15m), (risen.InputPerMTok, risen.OutputPerMTok));
        Assert.Equal(Day(2026, 9, 1), risen.EffectiveFrom);
    }

    [Fact]
    public async Task Deepseek_time_of_day_list_is_left_out_with_a_reason_and_the_unconstrained_list_is_used()
    {
        var result = await Read.File(_reader, RealFile);

        var chat = Assert.Single(result.Records, r => r.Key == "deepseek/deepseek-chat");
        Assert.Equal((0.135m, 0.035m, 0.55m), (chat.InputPerMTok, chat.CachedInputPerMTok, chat.OutputPerMTok));
        var skip = Assert.Single(result.Skipped, s => s.Location == "model deepseek/deepseek-chat, price list 2");
        Assert.Contains("time-of-day", skip.Message);
        Assert.Contains("00:30:00Z to 16:30:00Z", skip.Message);
    }

    [Fact]
    public async Task Model_without_token_prices_is_skipped_with_a_reason()
    {
        var result = await Read.File(_reader, RealFile);

        Assert.DoesNotContain(result.Records, r => r.Key == "openai/moderation");
        var skip = Assert.Single(result.Skipped, s => s.Location == "model openai/moderation");
        Assert.Equal("genai_prices_v2.json", skip.Source);
        Assert.Contains("no per-token input or output price", skip.Message);
    }

    [Fact]
    public async Task Cut_off_real_file_is_refused_naming_the_file_and_line()
    {
        var bytes = await File.ReadAllBytesAsync(RealFile);
        var truncated = new MemoryStream(bytes, 0, bytes.Length / 2);

        var error = await Assert.ThrowsAsync<Reassess.Core.Ingestion.InputRejectedException>(
            () => _reader.ReadAsync(truncated, "prices/genai_prices_v2.json", Read.Now));

        Assert.Equal("prices/genai_prices_v2.json", error.Problem.Source);
        Assert.StartsWith("line 1, position ", error.Problem.Location);
        Assert.Contains("not valid JSON", error.Problem.Message);
    }
}
