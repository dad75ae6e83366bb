using System.Text.Json.Nodes;
using Reassess.Sources.Usage.OpenAi;

namespace Reassess.Sources.Tests.Usage.Providers;

public sealed class OpenAiUsageTests
{
    private readonly OpenAiUsageReader _reader = new();

    [Fact]
    public async Task The_real_30_day_sample_sums_to_19347_requests_with_cached_tokens_split_out_of_input()
    {
        var result = await Read.File(_reader, TestData.File("usage", "openai_usage_completions_cookbook_real_30d.json"));

        Assert.Empty(result.Rejected);
        Assert.Equal(26, result.Records.Count); // 31 buckets, 5 of them empty
        Assert.Equal(19_347, result.Records.Sum(r => r.Calls));
        Assert.Equal(168_128, result.Records.Sum(r => r.CachedInputTokens));
        Assert.Equal(16_951_009 - 168_128, result.Records.Sum(r => r.UncachedInputTokens));
        Assert.Equal(729_421, result.Records.Sum(r => r.OutputTokens));
        Assert.All(result.Records, r => Assert.Equal("openai/*", r.Model));
        var busiest = Assert.Single(result.Records, r => r.Day == new DateOnly(2025, 1, 13));
        Assert.Equal((3053L, 3_718_360L - 76_544L, 76_544L), (busiest.Calls!.Value, busiest.UncachedInputTokens, busiest.CachedInputTokens));
    }

    [Fact]
    public async Task The_edge_buckets_of_the_real_sample_are_marked_partial_and_the_full_days_are_not()
    {
        var result = await Read.File(_reader, TestData.File("usage", "openai_usage_completions_cookbook_real_30d.json"));

        Assert.Equal([new DateOnly(2025, 1, 11), new DateOnly(2025, 2, 10)], result.Records.Where(r => r.PartialDay).Select(r => r.Day));
        Assert.Equal(470, result.Records.Single(r => r.Day == new DateOnly(2025, 1, 11)).Calls);
    }

    [Fact]
    public async Task The_documented_example_splits_cached_and_cache_write_tokens_out_of_input_and_gives_the_next_page()
    {
        var page = _reader.ReadPage(File.ReadAllBytes(TestData.File("usage", "openai_usage_completions.json")), "doc");

        var row = Assert.Single(page.Result.Records);
        Assert.Equal((5L, 500L, 400L, 100L, 500L), (row.Calls!.Value, row.UncachedInputTokens, row.CachedInputTokens, row.CacheWriteTokens, row.OutputTokens));
        Assert.Equal(new DateOnly(2024, 11, 1), row.Day);
        Assert.Equal("page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=", page.NextPage);
    }

    [Fact]
    public async Task A_grouped_result_maps_project_key_and_user_and_names_the_model_without_its_snapshot_date()
    {
        var examples = JsonNode.Parse(File.ReadAllText(TestData.File("usage", "openai_result_object_examples_grouped.json")))!;
        var result = examples["UsageCompletionsResult_example"]!.DeepClone();

        var row = Assert.Single((await Read.Text(_reader, Page(result), "grouped.json")).Records);

        Assert.Equal("openai/gpt-4o-mini", row.Model);
        Assert.Equal("project_id=proj_abc, api_key_id=key_abc, user_id=user-abc", string.Join(", ",
            new[] { "project_id", "api_key_id", "user_id" }.Select(d => $"{d}={row.Dimensions[d]}")));
        Assert.Equal((3000L, 1800L, 200L, 1000L), (row.UncachedInputTokens, row.CachedInputTokens, row.CacheWriteTokens, row.OutputTokens));
    }

    [Fact]
    public async Task An_older_answer_without_cached_fields_counts_all_input_as_uncached()
    {
        var result = JsonNode.Parse("""{ "input_tokens": 900, "output_tokens": 40, "num_model_requests": 3, "project_id": "proj_a", "model": "gpt-4.1" }""")!;

        var row = Assert.Single((await Read.Text(_reader, Page(result), "old.json")).Records);

        Assert.Equal((900L, 0L, 0L, 3L), (row.UncachedInputTokens, row.CachedInputTokens, row.CacheWriteTokens, row.Calls!.Value));
    }

    [Fact]
    public async Task Results_of_the_same_day_model_and_group_are_added_up()
    {
        var one = JsonNode.Parse("""{ "input_tokens": 100, "output_tokens": 1, "num_model_requests": 2, "project_id": "p", "model": "gpt-4o-mini-2024-07-18" }""")!;
        var two = JsonNode.Parse("""{ "input_tokens": 50, "output_tokens": 1, "num_model_requests": 1, "project_id": "p", "model": "gpt-4o-mini" }""")!;

        var row = Assert.Single((await Read.Text(_reader, Page(one, two), "p.json")).Records);

        Assert.Equal((3L, 150L), (row.Calls!.Value, row.UncachedInputTokens));
    }

    [Fact]
    public async Task A_bad_result_is_rejected_with_where_it_is_and_the_rest_of_the_page_is_read()
    {
        var negative = JsonNode.Parse("""{ "input_tokens": 10, "output_tokens": 1, "num_model_requests": -4, "project_id": "proj_a" }""")!;
        var text = JsonNode.Parse("""{ "input_tokens": "lots", "output_tokens": 1, "num_model_requests": 1, "project_id": "proj_a" }""")!;
        var tooManyCached = JsonNode.Parse("""{ "input_tokens": 10, "input_cached_tokens": 11, "num_model_requests": 1, "project_id": "proj_a" }""")!;
        var good = JsonNode.Parse("""{ "input_tokens": 10, "output_tokens": 1, "num_model_requests": 7, "project_id": "proj_b" }""")!;

        var result = await Read.Text(_reader, Page(negative, text, tooManyCached, good), "bad.json");

        Assert.Equal(("proj_b", 7L), (Assert.Single(result.Records).Dimensions["project_id"]!, result.Records[0].Calls!.Value));
        Assert.Equal(
        [
            "bad.json, line 4 (entry 1), results[0], field num_model_requests: '-4' is negative; a count must be 0 or more",
            "bad.json, line 4 (entry 1), results[1], field input_tokens: 'lots' is not a number; write digits with a dot for decimals, e.g. 0.15",
            "bad.json, line 4 (entry 1), results[2], field input_cached_tokens: 11 cached + 0 cache-write tokens are more than input_tokens 10, which includes them",
        ], result.Rejected.Select(p => p.ToString()));
    }

    [Fact]
    public async Task The_daily_total_a_bad_result_belongs_to_is_held_back_rather_than_stored_short()
    {
        var bad = JsonNode.Parse("""{ "input_tokens": 10, "num_model_requests": -1, "project_id": "proj_a", "model": "gpt-4.1" }""")!;
        var sameTotal = JsonNode.Parse("""{ "input_tokens": 10, "num_model_requests": 2, "project_id": "proj_a", "model": "gpt-4.1-2025-04-14" }""")!;

        var result = await Read.Text(_reader, Page(bad, sameTotal), "short.json");

        Assert.Empty(result.Records);
        Assert.Equal("short.json, 2024-11-01: 1 daily total(s) of this day (openai/gpt-4.1, project_id=proj_a) would be short by a rejected row, " +
                     "so they were not ingested; rows stored before for them stay until the source is fixed", result.Rejected[^1].ToString());
    }

    [Fact]
    public async Task A_bucket_across_midnight_is_rejected_with_its_results()
    {
        var json = """{ "object": "page", "data": [ { "start_time": 1730462400, "end_time": 1730548800, "results": [ { "input_tokens": 5 } ] } ] }""";

        var result = await Read.Text(_reader, json, "skewed.json");

        Assert.Empty(result.Records);
        Assert.Contains("across midnight UTC", Assert.Single(result.Rejected).Message);
        Assert.Contains("1 result(s) were not ingested", result.Rejected[0].Message);
    }

    [Fact]
    public async Task A_costs_answer_read_as_usage_is_refused_with_the_format_to_use()
    {
        var problem = await Read.Refused(_reader, File.ReadAllText(TestData.File("usage", "openai_costs.json")), "costs.json");

        Assert.Contains("--format openai-costs", problem.Message);
    }

    [Fact]
    public async Task Not_a_page_is_refused_whole()
    {
        var problem = await Read.Refused(_reader, """{ "object": "list", "items": [] }""", "x.json");

        Assert.Equal("x.json: has no \"data\" list; expected an OpenAI usage page { \"object\": \"page\", \"data\": [ buckets with results ], \"next_page\": … }", problem.ToString());
    }

    /// <summary>One 2024-11-01 day bucket holding the results given, in a page of its own.</summary>
    internal static string Page(params JsonNode[] results) =>
        "{\n  \"object\": \"page\",\n  \"data\": [\n" +
        "    { \"start_time\": 1730419200, \"end_time\": 1730505600, \"results\": " + new JsonArray(results.Select(r => (JsonNode?)r.DeepClone()).ToArray()).ToJsonString() + " }\n" +
        "  ],\n  \"has_more\": false,\n  \"next_page\": null\n}";
}
