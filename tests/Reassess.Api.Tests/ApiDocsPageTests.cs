using System.Net;
using System.Text.RegularExpressions;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary><c>GET /api/docs</c>: a page over the OpenAPI document that needs no key and nothing from the internet.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed partial class ApiDocsPageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReassessApiFactory _app = ReassessApiFactory.StartOnKestrel(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_page_answers_html_without_a_key()
    {
        var response = await _app.CreateClient().GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.MediaType()?.MediaType);
    }

    [Fact]
    public async Task Everything_the_page_loads_is_served_here_without_a_key()
    {
        var client = _app.CreateClient();
        var page = await client.GetAsync("/api/docs");
        var html = await page.Content.ReadAsStringAsync();

        var assets = Assets().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(assets);
        Assert.DoesNotContain(assets, url => url.Contains("//"));
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_page_reads_the_served_document_and_turns_the_online_validator_off()
    {
        var client = _app.CreateClient();
        var page = await client.GetAsync("/api/docs");
        var script = await client.GetStringAsync(new Uri(page.RequestMessage!.RequestUri!, "index.js"));

        Assert.Contains("\"url\":\"/api/openapi.json\"", script.Replace(" ", ""));
        // Swagger UI checks documents against an online validator unless told not to; Swashbuckle's page says not to.
        Assert.Contains("configObject.validatorUrl = null", script);
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Assets();
}
