using Reassess.Sources.Usage.Anthropic;

namespace Reassess.Sources.Tests.Usage.Providers;

public sealed class AnthropicUsageTests
{
    private readonly AnthropicUsageReader _reader = new();

    [Fact]
    public async Task The_documented_report_adds_both_cache_write_lifetimes_and_has_no_call_count()
    {
        var page = _reader.ReadPage(File.ReadAllBytes(TestData.File("usage", "anthropic_usage_report_messages.json")), "anthropic.json");

        var row = Assert.Single(page.Result.Records);
        Assert.Equal((1500L, 200L, 1500L, 500L), (row.UncachedInputTokens, row.CachedInputTokens, row.CacheWriteTokens, row.OutputTokens));
        Assert.Null(row.Calls);
        Assert.Equal((new DateOnly(2025, 8, 1), "anthropic/claude-sonnet-4"), (row.Day, row.Model));
        Assert.Equal("wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ", row.Dimensions["workspace_id"]);
        Assert.Equal("apikey_01Rj2N8SVvo6BePZj99NhmiT", row.Dimensions["api_key_id"]);
        Assert.False(row.PartialDay);
        Assert.Equal("page_MjAyNS0wNS0xNFQwMDowMDowMFo=", page.NextPage);
    }

    [Fact]
    public async Task An_older_answer_with_one_cache_creation_count_is_read_too()
    {
        var json = """
            { "data": [ { "starting_at": "2025-08-01T00:00:00Z", "ending_at": "2025-08-02T00:00:00Z", "results": [
                { "uncached_input_tokens": 10, "cache_creation_input_tokens": 7, "cache_read_input_tokens": 3, "output_tokens": 2, "workspace_id": "w" } ] } ],
              "has_more": false, "next_page": null }
            """;

        var page = _reader.ReadPage(System.Text.Encoding.UTF8.GetBytes(json), "old.json");

        Assert.Equal(7, Assert.Single(page.Result.Records).CacheWriteTokens);
        Assert.Null(page.NextPage);
    }

    [Fact]
    public async Task An_hour_bucket_is_its_day_but_marks_the_day_partial()
    {
        var json = """
            { "data": [ { "starting_at": "2025-08-01T10:00:00Z", "ending_at": "2025-08-01T11:00:00Z", "results": [
                { "uncached_input_tokens": 10, "output_tokens": 2, "workspace_id": "w", "model": "claude-haiku-4-5-20251001" } ] } ] }
            """;

        var row = Assert.Single((await Read.Text(_reader, json, "hour.json")).Records);

        Assert.Equal((new DateOnly(2025, 8, 1), true, "anthropic/claude-haiku-4-5"), (row.Day, row.PartialDay, row.Model));
    }

    [Fact]
    public async Task A_cache_write_count_that_is_not_a_count_is_rejected_at_its_path()
    {
        var json = """
            { "data": [ { "starting_at": "2025-08-01T00:00:00Z", "ending_at": "2025-08-02T00:00:00Z", "results": [
                { "uncached_input_tokens": 10, "cache_creation": { "ephemeral_5m_input_tokens": -1 } } ] } ] }
            """;

        var rejected = Assert.Single((await Read.Text(_reader, json, "bad.json")).Rejected);

        Assert.Equal("bad.json, line 1 (entry 1), results[0], field cache_creation.ephemeral_5m_input_tokens: '-1' is not a count; a count is a whole number of 0 or more", rejected.ToString());
    }

    [Fact]
    public async Task The_cost_report_amount_is_in_cents()
    {
        var row = Assert.Single((await Read.File(new AnthropicCostReader(), TestData.File("usage", "anthropic_cost_report.json"))).Records);

        Assert.Equal((1.2378912m, "USD", "anthropic/claude-opus-5"), (row.Cost!.Value, row.Currency, row.Model));
        Assert.Null(row.Calls);
        Assert.Equal("wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ", row.Dimensions["workspace_id"]);
    }
}
