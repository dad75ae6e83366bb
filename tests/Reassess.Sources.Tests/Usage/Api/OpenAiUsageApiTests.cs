using Reassess.Sources.Usage.Api;
using Reassess.Testing.Http;

namespace Reassess.Sources.Tests.Usage.Api;

public sealed class OpenAiUsageApiTests
{
    private readonly SharedHandlerClients _clients = new();

    [Fact]
    public async Task Every_page_is_followed_by_its_next_page_cursor_and_the_days_add_up()
    {
        await using var server = new LocalHttpServer(request => Reply.Json(request.Query("page") switch
        {
            null => UsageApiPages.OpenAi("page_2", (1, 100, 1000, 200), (2, 110, 1100, 0)),
            "page_2" => UsageApiPages.OpenAi("page_3", (3, 120, 1200, 100)),
            _ => UsageApiPages.OpenAi(null, (4, 5, 50, 0)),
        }));
        var api = new OpenAiUsageApi(_clients, "sk-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.True(pull.Complete);
        Assert.Equal(3, pull.Pages);
        Assert.Empty(pull.Result.Rejected);
        Assert.Equal([100L, 110L, 120L, 5L], pull.Result.Records.Select(r => r.Calls!.Value));
        Assert.Equal(1000 + 1100 + 1200 + 50 - (200 + 100), pull.Result.Records.Sum(r => r.UncachedInputTokens));
        Assert.All(pull.Result.Records, r => Assert.Equal(("openai/gpt-4.1", "proj_invoices"), (r.Model, r.Dimensions["project_id"]!)));

        var first = server.Requests[0];
        Assert.StartsWith("/v1/organization/usage/completions?", first.PathAndQuery);
        Assert.Equal("Bearer sk-admin-test", first.Header("Authorization"));
        Assert.Equal(("1d", "1793491200"), (first.Query("bucket_width"), first.Query("start_time"))); // 2026-11-01 00:00 UTC, not 13:45
        Assert.Equal(["project_id", "model", "api_key_id"], first.QueryAll("group_by"));
        Assert.Equal([null, "page_2", "page_3"], server.Requests.Select(r => r.Query("page")));
    }

    [Fact]
    public async Task A_429_is_waited_out_for_as_long_as_Retry_After_says_and_then_read()
    {
        var calls = 0;
        await using var server = new LocalHttpServer(_ => Interlocked.Increment(ref calls) == 1
            ? Reply.WithStatus(429, ("Retry-After", "1"))
            : Reply.Json(UsageApiPages.OpenAi(null, (1, 100, 1000, 0))));
        var api = new OpenAiUsageApi(_clients, "sk-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.True(pull.Complete);
        Assert.Equal(100, Assert.Single(pull.Result.Records).Calls);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].At - server.Requests[0].At >= TimeSpan.FromMilliseconds(950),
            $"waited only {(server.Requests[1].At - server.Requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_page_that_keeps_arriving_cut_off_is_reported_and_adds_nothing_while_the_pages_before_it_stay()
    {
        var page2 = System.Text.Encoding.UTF8.GetBytes(UsageApiPages.OpenAi("page_3", (3, 120, 1200, 100), (4, 1, 1, 0)));
        await using var server = new LocalHttpServer(request => request.Query("page") switch
        {
            null => Reply.Json(UsageApiPages.OpenAi("page_2", (1, 100, 1000, 200), (2, 110, 1100, 0))),
            "page_2" => Reply.Json(page2) with { SendBytes = page2.Length / 2 },
            _ => Reply.Json(UsageApiPages.OpenAi(null, (5, 1, 1, 0))),
        });
        var api = new OpenAiUsageApi(_clients, "sk-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.False(pull.Complete);
        Assert.Equal([1, 2], pull.Result.Records.Select(r => r.Day.Day));
        var failure = Assert.Single(pull.Result.Rejected);
        Assert.Equal("page 2", failure.Location);
        Assert.Contains("page=page_2", failure.Message);
        Assert.Contains("truncated", failure.Message);
        Assert.Contains("this page and any after it were not ingested; 1 page(s) before it were", failure.Message);
        Assert.Equal(1 + UsageApiPages.FastRetries.MaxAttempts, server.Requests.Count); // page 3 is never asked for
    }

    [Fact]
    public async Task A_page_with_a_bad_result_keeps_its_good_results_and_names_the_bad_one_by_page()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json(UsageApiPages.OpenAi(null, (1, 100, 1000, 200)).Replace("\"num_model_requests\":100", "\"num_model_requests\":-1")
            .Replace("]}", "]},{\"object\":\"bucket\",\"start_time\":1793664000,\"end_time\":1793750400,\"results\":[{\"input_tokens\":5,\"num_model_requests\":1}]}", StringComparison.Ordinal)));
        var api = new OpenAiUsageApi(_clients, "sk-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.True(pull.Complete);
        Assert.Equal(1, Assert.Single(pull.Result.Records).Calls);
        var rejected = Assert.Single(pull.Result.Rejected);
        Assert.Equal("page 1, line 1 (entry 1), results[0], field num_model_requests", rejected.Location);
        Assert.Equal("'-1' is negative; a count must be 0 or more", rejected.Message);
    }

    [Fact]
    public async Task Costs_are_pulled_from_the_costs_endpoint_grouped_by_project_and_line_item()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json(File.ReadAllText(TestData.File("usage", "openai_costs.json"))));
        var api = new OpenAiUsageApi(_clients, "sk-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullCostsAsync(new Uri(server.BaseUri, "/v1/organization/costs"), UsageApiPages.Period);

        Assert.Equal(0.06m, Assert.Single(pull.Result.Records).Cost);
        Assert.StartsWith("/v1/organization/costs?", server.Requests[0].PathAndQuery);
        Assert.Equal(["project_id", "line_item"], server.Requests[0].QueryAll("group_by"));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_to_another_host_is_refused_and_the_admin_key_never_reaches_it(int status)
    {
        await using var elsewhere = new LocalHttpServer(_ => Reply.Json(UsageApiPages.OpenAi(null, (1, 100, 1000, 0))));
        await using var server = new LocalHttpServer(request => Reply.Redirect(status, elsewhere.Url(request.PathAndQuery.TrimStart('/')).ToString()));
        var api = new OpenAiUsageApi(_clients, "sk-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullCostsAsync(server.BaseUri, UsageApiPages.Period);

        Assert.False(pull.Complete);
        Assert.Empty(elsewhere.Requests);
        var failure = Assert.Single(pull.Result.Rejected).Message;
        Assert.Contains($"answered {status} redirecting to {elsewhere.BaseUri}v1/organization/costs?", failure);
        Assert.Contains($"were not sent to http://127.0.0.1:{elsewhere.BaseUri.Port}", failure);
        Assert.DoesNotContain("sk-admin-test", failure);
    }

    [Fact]
    public async Task A_redirect_within_the_same_host_is_followed_with_the_admin_key()
    {
        await using var server = new LocalHttpServer(request => request.PathAndQuery.StartsWith("/v1/", StringComparison.Ordinal)
            ? Reply.Redirect(302, "/moved" + request.PathAndQuery)
            : Reply.Json(UsageApiPages.OpenAi(null, (1, 100, 1000, 0))));
        var api = new OpenAiUsageApi(_clients, "sk-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.True(pull.Complete);
        Assert.Equal(100, Assert.Single(pull.Result.Records).Calls);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer sk-admin-test", r.Header("Authorization")));
    }
}
