using System.Text;
using System.Text.Json.Nodes;
using Reassess.Sources.Http;
using Reassess.Sources.Prices;
using Reassess.Testing.Http;

namespace Reassess.Sources.Tests.Http;

/// <summary>Pulling the real price sheets from a local server that serves them the way their APIs do.</summary>
public sealed class PriceSheetPullerTests
{
    private const int PageSize = 100;

    /// <summary>The 548 real eastus2 items as Azure Retail Prices pages of 100, each linking the next by absolute URL.</summary>
    private static Func<SeenRequest, Reply> AzurePages(Uri baseUri, Func<int, Reply?>? misbehave = null)
    {
        var items = File.ReadAllLines(TestData.File("prices", "azure_retail_openai_eastus2_items.ndjson")).Where(l => l.Length > 0).ToList();
        return request =>
        {
            var skip = request.PathAndQuery.Contains("$skip=") ? int.Parse(request.PathAndQuery.Split("$skip=")[1]) : 0;
            if (misbehave?.Invoke(skip) is { } reply) return reply;
            var page = items.Skip(skip).Take(PageSize).ToList();
            var next = skip + PageSize < items.Count ? $"\"{baseUri}api/retail/prices?$skip={skip + PageSize}\"" : "null";
            return Reply.Json($"{{\"BillingCurrency\":\"USD\",\"Items\":[{string.Join(',', page)}],\"NextPageLink\":{next},\"Count\":{page.Count}}}");
        };
    }

    [Fact]
    public async Task Azure_retail_pages_are_followed_and_combined_into_one_sheet_that_reads_like_the_file()
    {
        var handler = (Func<SeenRequest, Reply>?)null;
        await using var server = new LocalHttpServer(r => handler!(r));
        handler = AzurePages(server.BaseUri);

        var sheet = await new PriceSheetPuller(Clients.Factory, options: Clients.Quick).PullAsync("azure-retail", server.Url("api/retail/prices"), null);
        var result = await Read.Text(new AzureRetailReader(), Encoding.UTF8.GetString(sheet.Content), "prices.json");

        Assert.Equal(6, sheet.Pages);
        Assert.Equal(6, server.Requests.Count);
        Assert.Equal(548, JsonNode.Parse(sheet.Content)!["Items"]!.AsArray().Count);
        Assert.Equal(161, result.Records.Count);
        Assert.Equal(5.00m, result.Records.Single(r => r.Key == "azure/gpt-4.1-mini-ft").TrainingPerMTok);
        Assert.Equal("prices.json", sheet.FileName);
    }

    [Fact]
    public async Task A_page_that_fails_with_503_once_is_retried_and_no_item_is_lost()
    {
        var failures = 0;
        var handler = (Func<SeenRequest, Reply>?)null;
        await using var server = new LocalHttpServer(r => handler!(r));
        handler = AzurePages(server.BaseUri, skip => skip == 300 && failures++ == 0 ? Reply.WithStatus(503) : null);

        var sheet = await new PriceSheetPuller(Clients.Factory, options: Clients.Quick).PullAsync("azure-retail", server.Url("api/retail/prices"), null);

        Assert.Equal(7, server.Requests.Count);
        Assert.Equal(548, JsonNode.Parse(sheet.Content)!["Items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_page_cut_off_every_time_fails_the_pull_naming_that_page()
    {
        var handler = (Func<SeenRequest, Reply>?)null;
        await using var server = new LocalHttpServer(r => handler!(r));
        var pages = AzurePages(server.BaseUri);
        handler = r => r.PathAndQuery.Contains("$skip=200") ? pages(r) with { SendBytes = 1000 } : pages(r);

        var error = await Assert.ThrowsAsync<HttpPullException>(() =>
            new PriceSheetPuller(Clients.Factory, options: Clients.Quick).PullAsync("azure-retail", server.Url("api/retail/prices"), null));

        Assert.Contains("$skip=200 failed after 3 attempts: sent a truncated body", error.Message);
    }

    [Fact]
    public async Task The_litellm_sheet_is_pulled_conditionally_and_a_304_leaves_nothing_to_read()
    {
        var sheet = File.ReadAllBytes(TestData.File("prices", "litellm_model_prices.json"));
        await using var server = new LocalHttpServer(request => request.Header("If-None-Match") == "\"abc\""
            ? Reply.WithStatus(304)
            : Reply.Json(sheet, ("ETag", "\"abc\"")));
        var puller = new PriceSheetPuller(Clients.Factory, options: Clients.Quick);
        var url = server.Url("BerriAI/litellm/main/model_prices_and_context_window.json");

        var first = await puller.PullAsync("litellm", url, null);
        var second = await puller.PullAsync("litellm", url, first.Validators);

        Assert.Equal(sheet, first.Content);
        Assert.Equal("model_prices_and_context_window.json", first.FileName);
        Assert.True(second.NotModified);
        Assert.Equal("\"abc\"", second.Validators.ETag);
    }

    [Fact]
    public async Task Openrouter_answers_in_one_page_kept_byte_for_byte()
    {
        var sheet = File.ReadAllBytes(TestData.File("prices", "openrouter_models_excerpt.json"));
        await using var server = new LocalHttpServer(_ => Reply.Json(sheet));

        var pulled = await new PriceSheetPuller(Clients.Factory, options: Clients.Quick).PullAsync("openrouter", server.Url("api/v1/models"), null);

        Assert.Equal(sheet, pulled.Content);
        Assert.Equal("models.json", pulled.FileName);
    }
}
