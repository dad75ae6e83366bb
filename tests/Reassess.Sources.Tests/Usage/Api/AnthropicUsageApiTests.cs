using Reassess.Sources.Usage.Api;
using Reassess.Testing.Http;

namespace Reassess.Sources.Tests.Usage.Api;

public sealed class AnthropicUsageApiTests
{
    private readonly SharedHandlerClients _clients = new();

    [Fact]
    public async Task Pages_are_followed_with_the_admin_key_and_version_headers_and_rows_carry_no_call_count()
    {
        await using var server = new LocalHttpServer(request => Reply.Json(request.Query("page") is null
            ? UsageApiPages.Anthropic("page_MjAyNS0wNS0xNFQwMDowMDowMFo=", (1, 1000, 500))
            : UsageApiPages.Anthropic(null, (2, 2000, 700))));
        var api = new AnthropicUsageApi(_clients, "sk-ant-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.True(pull.Complete);
        Assert.Equal([(1, 1000L, 500L, 100L), (2, 2000L, 700L, 100L)],
            pull.Result.Records.Select(r => (r.Day.Day, r.UncachedInputTokens, r.CachedInputTokens, r.CacheWriteTokens)));
        Assert.All(pull.Result.Records, r => Assert.Null(r.Calls));
        var first = server.Requests[0];
        Assert.StartsWith("/v1/organizations/usage_report/messages?", first.PathAndQuery);
        Assert.Equal(("sk-ant-admin-test", "2023-06-01"), (first.Header("x-api-key"), first.Header("anthropic-version")));
        Assert.Equal(("2026-11-01T00:00:00Z", "1d"), (first.Query("starting_at"), first.Query("bucket_width")));
        Assert.Equal(["workspace_id", "api_key_id", "model"], first.QueryAll("group_by[]"));
        Assert.Equal("page_MjAyNS0wNS0xNFQwMDowMDowMFo=", server.Requests[1].Query("page"));
    }

    [Fact]
    public async Task A_server_error_on_every_attempt_reports_the_page_and_ingests_nothing_of_it()
    {
        await using var server = new LocalHttpServer(request => request.Query("page") is null
            ? Reply.Json(UsageApiPages.Anthropic("p2", (1, 1000, 500)))
            : Reply.WithStatus(503));
        var api = new AnthropicUsageApi(_clients, "sk-ant-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.False(pull.Complete);
        Assert.Equal(1, Assert.Single(pull.Result.Records).Day.Day);
        Assert.Contains("503", Assert.Single(pull.Result.Rejected).Message);
    }
}
