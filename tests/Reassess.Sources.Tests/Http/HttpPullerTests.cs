using System.Text;
using Reassess.Sources.Http;
using Reassess.Testing.Http;

namespace Reassess.Sources.Tests.Http;

/// <summary>The puller against a real HTTP server on 127.0.0.1 that misbehaves the way real ones do.</summary>
public sealed class HttpPullerTests
{
    private static readonly byte[] Sheet = File.ReadAllBytes(TestData.File("prices", "openrouter_models_excerpt.json"));

    [Fact]
    public async Task A_503_is_retried_and_the_second_answer_is_used()
    {
        var calls = 0;
        await using var server = new LocalHttpServer(_ => ++calls == 1 ? Reply.WithStatus(503) : Reply.Json(Sheet));
        var retries = new List<string>();

        var pull = await Clients.Puller(Clients.Quick with { OnRetry = retries.Add }).GetAsync(server.Url("api/v1/models"));

        Assert.Equal((200, 2), (pull.StatusCode, pull.Attempts));
        Assert.Equal(Sheet, pull.Body);
        var retry = Assert.Single(retries);
        Assert.StartsWith($"GET {server.Url("api/v1/models")} answered 503 Service Unavailable; attempt 2 of 3 in", retry);
    }

    [Fact]
    public async Task A_429_waits_as_long_as_retry_after_says()
    {
        var calls = 0;
        await using var server = new LocalHttpServer(_ => ++calls == 1 ? Reply.WithStatus(429, ("Retry-After", "1")) : Reply.Json(Sheet));

        var pull = await Clients.Puller().GetAsync(server.Url("models"));

        Assert.Equal(2, pull.Attempts);
        var waited = server.Requests[1].At - server.Requests[0].At;
        Assert.True(waited >= TimeSpan.FromMilliseconds(950), $"waited only {waited.TotalMilliseconds} ms; Retry-After asked for 1 s");
    }

    [Fact]
    public async Task A_retry_after_longer_than_a_pull_may_wait_fails_at_once_saying_so()
    {
        await using var server = new LocalHttpServer(_ => Reply.WithStatus(429, ("Retry-After", "3600")));

        var error = await Assert.ThrowsAsync<HttpPullException>(() => Clients.Puller().GetAsync(server.Url("models")));

        Assert.Single(server.Requests);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("asks to wait 3600 s, more than the 120 s a pull waits", error.Message);
    }

    [Fact]
    public async Task Validators_from_the_last_pull_make_the_next_one_conditional_and_a_304_says_not_modified()
    {
        var lastModified = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        await using var server = new LocalHttpServer(request =>
            request.Header("If-None-Match") == "\"v7\""
                ? Reply.WithStatus(304, ("ETag", "\"v7\""))
                : Reply.Json(Sheet, ("ETag", "\"v7\""), ("Last-Modified", lastModified.ToString("R"))));
        var puller = Clients.Puller();

        var first = await puller.GetAsync(server.Url("data.json"));
        var second = await puller.GetAsync(server.Url("data.json"), first.Validators);

        Assert.Equal(new HttpValidators("\"v7\"", lastModified), first.Validators);
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
        Assert.Equal(first.Validators, second.Validators);
        Assert.Equal(lastModified.ToString("R"), server.Requests[1].Header("If-Modified-Since"));
        Assert.Null(server.Requests[0].Header("If-None-Match"));
    }

    [Fact]
    public async Task Validators_survive_a_trip_through_blob_metadata()
    {
        var validators = new HttpValidators("W/\"abc\"", new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(validators, HttpValidators.FromMetadata(validators.ToMetadata()));
        Assert.Equal(HttpValidators.None, HttpValidators.FromMetadata(new Dictionary<string, string>()));
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_retried_and_then_reported_as_truncated_naming_the_url()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json(Sheet) with { SendBytes = Sheet.Length / 2 });
        var url = server.Url("api/v1/models");

        var error = await Assert.ThrowsAsync<HttpPullException>(() => Clients.Puller().GetAsync(url));

        Assert.Equal(3, server.Requests.Count);
        Assert.StartsWith($"GET {url} failed after 3 attempts: sent a truncated body", error.Message);
    }

    [Fact]
    public async Task A_cut_off_json_body_without_a_length_is_caught_by_checking_the_json()
    {
        var calls = 0;
        await using var server = new LocalHttpServer(_ => ++calls == 1
            ? Reply.Json(Sheet[..(Sheet.Length / 3)]) with { Chunked = true }
            : Reply.Json(Sheet) with { Chunked = true });
        var retries = new List<string>();

        var pull = await Clients.Puller(Clients.Quick with { Body = HttpBody.Json, OnRetry = retries.Add }).GetAsync(server.Url("models"));

        Assert.Equal(Sheet, pull.Body);
        Assert.Contains("sent a truncated body: not complete JSON", Assert.Single(retries));
    }

    [Fact]
    public async Task A_json_lines_body_is_checked_line_by_line()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json("{\"a\": 1}\n{\"b\": 2}\n{\"c\": ") with { Chunked = true });

        var error = await Assert.ThrowsAsync<HttpPullException>(() =>
            Clients.Puller(Clients.Quick with { Body = HttpBody.JsonLines, MaxAttempts = 1 }).GetAsync(server.Url("items.ndjson")));

        Assert.Contains("sent a truncated body: line 3 is not complete JSON", error.Message);
    }

    [Fact]
    public async Task A_server_that_stalls_is_timed_out_per_attempt()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json(Sheet) with { Delay = TimeSpan.FromSeconds(3) });

        var error = await Assert.ThrowsAsync<HttpPullException>(() =>
            Clients.Puller(Clients.Quick with { Timeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 }).GetAsync(server.Url("models")));

        Assert.Equal(2, error.Attempts);
        Assert.Contains("timed out after 0.2 s", error.Message);
    }

    [Fact]
    public async Task A_404_is_not_retried_and_says_what_to_check()
    {
        await using var server = new LocalHttpServer(_ => new Reply(404, Encoding.UTF8.GetBytes("no such sheet")));

        var error = await Assert.ThrowsAsync<HttpPullException>(() => Clients.Puller().GetAsync(server.Url("missing.json")));

        Assert.Single(server.Requests);
        Assert.Equal($"GET {server.Url("missing.json")} answered 404 Not Found (no such sheet); not retried (a 404 will not change by asking again): check the URL and credentials", error.Message);
    }

    [Fact]
    public async Task Configured_headers_are_sent_with_every_request()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json(Sheet));

        await Clients.Puller(Clients.Quick with { Headers = new Dictionary<string, string> { ["x-api-key"] = "k-123" } }).GetAsync(server.Url("models"));

        Assert.Equal("k-123", server.Requests[0].Header("x-api-key"));
    }

    [Fact]
    public async Task Pages_are_followed_through_a_relative_next_link_until_there_is_none()
    {
        await using var server = new LocalHttpServer(request => request.PathAndQuery switch
        {
            "/items" => Reply.Json("""{"items": [1], "next": "/items?page=2"}"""),
            "/items?page=2" => Reply.Json("""{"items": [2], "next": "items?page=3"}"""),
            _ => Reply.Json("""{"items": [3], "next": null}"""),
        });

        var pages = new List<HttpPull>();
        await foreach (var page in Clients.Puller().GetPagesAsync(server.Url("items"), NextPage.FromJson("next"))) pages.Add(page);

        Assert.Equal(["/items", "/items?page=2", "/items?page=3"], server.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public async Task A_server_linking_pages_in_a_loop_is_stopped()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json("""{"next": "/again"}"""));

        var error = await Assert.ThrowsAsync<HttpPullException>(async () =>
        {
            await foreach (var _ in Clients.Puller(Clients.Quick with { MaxPages = 5 }).GetPagesAsync(server.Url("again"), NextPage.FromJson("next")))
            {
            }
        });

        Assert.Equal(5, server.Requests.Count);
        Assert.Contains("links more than 5 pages", error.Message);
    }
}
