using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Sources.Http;
using Reassess.Testing.Http;

namespace Reassess.Sources.Tests.Http;

/// <summary>
/// Redirects as the puller follows them, against two real servers on 127.0.0.1 (two ports, so two origins): configured
/// headers stay on the origin they were meant for, whatever the server answers and whichever client is given.
/// </summary>
public sealed class HttpPullerRedirectTests
{
    private const string Key = "sk-ant-admin-redirect-test";
    private static readonly HttpPullOptions WithKey = Clients.Quick with { Headers = new Dictionary<string, string> { ["x-api-key"] = Key } };
    private static readonly byte[] Sheet = Encoding.UTF8.GetBytes("""{"data": []}""");

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_to_another_origin_is_refused_and_the_key_never_reaches_it(int status)
    {
        await using var elsewhere = new LocalHttpServer(_ => Reply.Json(Sheet));
        await using var server = new LocalHttpServer(_ => Reply.Redirect(status, elsewhere.Url("models").ToString()));
        var url = server.Url("models");

        var error = await Assert.ThrowsAsync<HttpPullException>(() => Clients.Puller(WithKey).GetAsync(url));

        Assert.Empty(elsewhere.Requests);
        Assert.Single(server.Requests);
        Assert.Equal((status, 1), (error.StatusCode, error.Attempts));
        Assert.StartsWith(
            $"GET {url} answered {status} redirecting to {elsewhere.Url("models")}, on another origin " +
            $"(http://127.0.0.1:{server.BaseUri.Port} → http://127.0.0.1:{elsewhere.BaseUri.Port}); not followed, so the credentials sent to",
            error.Message);
        Assert.EndsWith($"configure its new URL ({elsewhere.Url("models")}) as the source", error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    [Fact]
    public async Task A_redirect_within_the_origin_is_followed_with_the_headers()
    {
        await using var server = new LocalHttpServer(request => request.PathAndQuery == "/v1/models?a=1"
            ? Reply.Redirect(308, "/v2/models?a=1")
            : Reply.Json(Sheet));

        var pull = await Clients.Puller(WithKey).GetAsync(server.Url("v1/models?a=1"));

        Assert.Equal(Sheet, pull.Body);
        Assert.Equal(server.Url("v2/models?a=1"), pull.Url);
        Assert.Equal([Key, Key], server.Requests.Select(r => r.Header("x-api-key")));
    }

    [Fact]
    public async Task Without_configured_headers_a_redirect_to_another_origin_is_followed()
    {
        await using var cdn = new LocalHttpServer(_ => Reply.Json(Sheet));
        await using var server = new LocalHttpServer(_ => Reply.Redirect(301, cdn.Url("sheets/prices.json").ToString()));

        var pull = await Clients.Puller().GetAsync(server.Url("prices.json"));

        Assert.Equal(Sheet, pull.Body);
        Assert.Equal(cdn.Url("sheets/prices.json"), pull.Url);
    }

    [Fact]
    public async Task A_redirect_loop_stops_at_the_limit_without_retrying()
    {
        await using var server = new LocalHttpServer(request => Reply.Redirect(302, request.PathAndQuery == "/a" ? "/b" : "/a"));

        var error = await Assert.ThrowsAsync<HttpPullException>(() => Clients.Puller(WithKey).GetAsync(server.Url("a")));

        Assert.Equal(1 + WithKey.MaxRedirects, server.Requests.Count);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("after 5 redirects already; stopped at the limit of 5, as the server may be redirecting in a loop", error.Message);
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused_even_without_headers()
    {
        var asked = new List<Uri>();
        using var clients = new SharedHandlerClients(new StubHandler(request =>
        {
            asked.Add(request.RequestUri!);
            return new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://prices.example/sheet.json") } };
        }));

        var error = await Assert.ThrowsAsync<HttpPullException>(() =>
            new HttpPuller(clients, options: Clients.Quick).GetAsync(new Uri("https://prices.example/sheet.json")));

        Assert.Equal([new Uri("https://prices.example/sheet.json")], asked);
        Assert.Contains("redirecting to http://prices.example/sheet.json, from https down to plain http; not followed", error.Message);
    }

    [Fact]
    public async Task Headers_are_not_sent_at_all_through_a_client_that_follows_redirects_itself()
    {
        await using var elsewhere = new LocalHttpServer(_ => Reply.Json(Sheet));
        await using var server = new LocalHttpServer(_ => Reply.Redirect(302, elsewhere.Url("models").ToString()));
        using var following = new SharedHandlerClients(new SocketsHttpHandler()); // AllowAutoRedirect is on by default

        var error = await Assert.ThrowsAsync<HttpPullException>(() => new HttpPuller(following, options: WithKey).GetAsync(server.Url("models")));

        Assert.Empty(server.Requests);
        Assert.Empty(elsewhere.Requests);
        Assert.Contains($"not sent: the HTTP client '{HttpPuller.ClientName}' follows redirects by itself", error.Message);
        Assert.Contains("AllowAutoRedirect = false", error.Message);
    }

    [Fact]
    public void The_hosts_client_does_not_follow_redirects_itself_where_a_plain_one_would()
    {
        var plain = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

        Assert.True(AutoRedirects.AreOn(plain, HttpPuller.ClientName));
        Assert.False(AutoRedirects.AreOn(Clients.Factory, HttpPuller.ClientName));
    }

    [Fact]
    public async Task Header_values_never_appear_in_retry_or_failure_messages_even_when_the_server_echoes_them()
    {
        await using var server = new LocalHttpServer(_ => new Reply(503, Encoding.UTF8.GetBytes($"bad x-api-key {Key} for token tok-5150")));
        var retries = new List<string>();
        var options = Clients.Quick with
        {
            MaxAttempts = 2,
            OnRetry = retries.Add,
            Headers = new Dictionary<string, string> { ["x-api-key"] = Key, ["Authorization"] = "Bearer tok-5150" },
        };

        var error = await Assert.ThrowsAsync<HttpPullException>(() => Clients.Puller(options).GetAsync(server.Url("models")));

        Assert.All(retries.Append(error.Message), message =>
        {
            Assert.DoesNotContain(Key, message);
            Assert.DoesNotContain("tok-5150", message);
            Assert.Contains("(bad x-api-key [header value] for token [header value])", message);
        });
    }

    /// <summary>A handler answering without a network, for URLs (https) the local server cannot serve.</summary>
    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
