using System.Text.Json.Nodes;
using Reassess.Core.Time;
using Reassess.Pipeline.Usage;
using Reassess.Sources.Http;
using Reassess.Sources.Usage.Api;
using Reassess.Testing;
using Reassess.Testing.Http;

namespace Reassess.Pipeline.Tests.Usage;

[Collection(AzuriteFixture.Collection)]
public class ApiIngestTests(AzuriteFixture azurite)
{
    private static readonly HttpPullOptions FastRetries = new()
    {
        MaxAttempts = 2,
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(40),
    };

    [Fact]
    public async Task A_page_that_fails_midway_is_reported_and_ingests_nothing_while_earlier_pages_go_in_and_its_stored_days_stay()
    {
        var account = await azurite.NewAccountAsync();
        var failPage2 = false;
        await using var server = new LocalHttpServer(request => request.PathAndQuery.Contains("page=page_2", StringComparison.Ordinal)
            ? failPage2
                ? Reply.Json(Page(null, (3, 999))) with { SendBytes = 40 }
                : Reply.Json(Page(null, (3, 300)))
            : Reply.Json(Page("page_2", (1, failPage2 ? 111 : 100), (2, 200))));
        using var workspace = await UsageWorkspace.CreateAsync(account, $"openai={server.BaseUri}");
        var options = TestPipeline.UsageIngest(FastRetries) with { OpenAiAdminKey = "sk-admin-test" };
        await workspace.IngestAsync(options);
        var storedDay3 = await workspace.StoredAsync("invoice-extraction", new DateOnly(2026, 11, 3), "openai");

        failPage2 = true;
        var outcome = await workspace.IngestAsync(options);

        var failure = Assert.Single(outcome.Problems);
        Assert.Equal("page 2", failure.Location);
        Assert.Contains("page=page_2", failure.Message);
        Assert.Contains("this page and any after it were not ingested", failure.Message);
        Assert.Equal(111, (await workspace.StoredAsync("invoice-extraction", new DateOnly(2026, 11, 1), "openai"))!.Calls);
        Assert.Equal(storedDay3, await workspace.StoredAsync("invoice-extraction", new DateOnly(2026, 11, 3), "openai"));
        Assert.Equal(300, storedDay3!.Calls);
    }

    [Fact]
    public async Task Anthropic_tokens_and_gateway_calls_of_one_day_are_both_kept_and_the_assessment_says_which_it_used()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = await UsageWorkspace.CreateAsync(account,
            "csv=samples/usage-drops/usage;evals=samples/usage-drops/evals;anthropic=samples/anthropic");
        var drops = workspace.PathOf("samples/usage-drops/usage/support.csv");
        File.WriteAllLines(drops, File.ReadAllLines(drops).Where(l => !l.StartsWith("ticket-triage,2026-11-21,", StringComparison.Ordinal)));
        workspace.Write("samples/anthropic/usage.json", Anthropic((20, 150_000_000, 150_000_000), (21, 140_000_000, 140_000_000)));

        var run = await new Jobs.WeeklyRun(workspace.Context).RunAsync(UsageWorkspace.AsOf, 1);

        var gap = Assert.Single(run.Problems);
        Assert.Equal("workload 'ticket-triage'", gap.Location);
        Assert.StartsWith("1 day(s) (2026-11-21) have anthropic usage but no call count from any source", gap.Message);
        var triage = (await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48))).Single(a => a.WorkloadId == "ticket-triage");
        Assert.Equal(27, triage.Inputs.Window.Days); // the day without a call count is left out, not counted as zero calls
        Assert.Equal(["anthropic (tokens on 1 shared day)", "gateway (calls, latency and format checks on 1 shared day)"], triage.Inputs.Window.Sources);
        var html = System.Text.Encoding.UTF8.GetString(run.Files.Single(f => f.Name == "index.html").Content);
        Assert.Contains("sources anthropic (tokens on 1 shared day), gateway (calls, latency and format checks on 1 shared day)", html);
    }

    /// <summary>An OpenAI usage page of day buckets in November 2026 for project <c>proj_invoices</c> (invoice-extraction).</summary>
    private static string Page(string? next, params (int Day, long Requests)[] days) => new JsonObject
    {
        ["object"] = "page",
        ["data"] = new JsonArray(days.Select(d => (JsonNode?)new JsonObject
        {
            ["object"] = "bucket",
            ["start_time"] = new DateTimeOffset(2026, 11, d.Day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(),
            ["end_time"] = new DateTimeOffset(2026, 11, d.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1).ToUnixTimeSeconds(),
            ["results"] = new JsonArray(new JsonObject
            {
                ["input_tokens"] = d.Requests * 1000, ["input_cached_tokens"] = d.Requests * 100, ["output_tokens"] = d.Requests * 10,
                ["num_model_requests"] = d.Requests, ["project_id"] = "proj_invoices", ["model"] = "gpt-4.1-2025-04-14",
            }),
        }).ToArray()),
        ["has_more"] = next is not null,
        ["next_page"] = next,
    }.ToJsonString();

    /// <summary>An Anthropic usage report for the support triage workspace, one day bucket per day of November 2026.</summary>
    private static string Anthropic(params (int Day, long Uncached, long Read)[] days) => new JsonObject
    {
        ["data"] = new JsonArray(days.Select(d => (JsonNode?)new JsonObject
        {
            ["starting_at"] = $"2026-11-{d.Day:00}T00:00:00Z",
            ["ending_at"] = $"2026-11-{d.Day + 1:00}T00:00:00Z",
            ["results"] = new JsonArray(new JsonObject
            {
                ["uncached_input_tokens"] = d.Uncached, ["cache_read_input_tokens"] = d.Read, ["output_tokens"] = 3_800_000,
                ["cache_creation"] = new JsonObject { ["ephemeral_5m_input_tokens"] = 0, ["ephemeral_1h_input_tokens"] = 0 },
                ["workspace_id"] = "wrkspc_support_triage", ["model"] = "claude-haiku-4-5-20251001",
            }),
        }).ToArray()),
        ["has_more"] = false,
        ["next_page"] = null,
    }.ToJsonString();
}
