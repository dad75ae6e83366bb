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

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_to_another_host_is_refused_and_the_admin_key_never_reaches_it(int status)
    {
        await using var elsewhere = new LocalHttpServer(_ => Reply.Json(UsageApiPages.Anthropic(null, (1, 1000, 500))));
        await using var server = new LocalHttpServer(request => Reply.Redirect(status, elsewhere.Url(request.PathAndQuery.TrimStart('/')).ToString()));
        var api = new AnthropicUsageApi(_clients, "sk-ant-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.False(pull.Complete);
        Assert.Empty(pull.Result.Records);
        Assert.Empty(elsewhere.Requests);
        var failure = Assert.Single(pull.Result.Rejected).Message;
        Assert.Contains($"answered {status} redirecting to {elsewhere.BaseUri}v1/organizations/usage_report/messages?", failure);
        Assert.Contains($"were not sent to http://127.0.0.1:{elsewhere.BaseUri.Port}", failure);
        Assert.DoesNotContain("sk-ant-admin-test", failure);
    }

    [Fact]
    public async Task A_redirect_within_the_same_host_is_followed_with_the_admin_key()
    {
        await using var server = new LocalHttpServer(request => request.PathAndQuery.StartsWith("/v1/", StringComparison.Ordinal)
            ? Reply.Redirect(307, "/moved" + request.PathAndQuery)
            : Reply.Json(UsageApiPages.Anthropic(null, (1, 1000, 500))));
        var api = new AnthropicUsageApi(_clients, "sk-ant-admin-test", options: UsageApiPages.FastRetries);

        var pull = await api.PullUsageAsync(server.BaseUri, UsageApiPages.Period);

        Assert.True(pull.Complete);
        Assert.Equal(1, Assert.Single(pull.Result.Records).Day.Day);
        Assert.Equal(["/v1/organizations/usage_report/messages", "/moved/v1/organizations/usage_report/messages"],
            server.Requests.Select(r => r.PathAndQuery.Split('?')[0]));
        Assert.All(server.Requests, r => Assert.Equal("sk-ant-admin-test", r.Header("x-api-key")));
    }
}
