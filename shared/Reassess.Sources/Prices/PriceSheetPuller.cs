using System.Text.Json;
using Reassess.Sources.Http;

namespace Reassess.Sources.Prices;

/// <summary>A price sheet as pulled from a URL: its bytes (every page combined), the validators for next time, or "not modified".</summary>
public sealed record PulledSheet(Uri Url, byte[] Content, HttpValidators Validators, bool NotModified, int Pages)
{
    /// <summary>The name the sheet is archived under: the URL's last path segment (<c>prices</c>, <c>models</c>, <c>data.json</c>).</summary>
    public string FileName
    {
        get
        {
            var last = Url.Segments.LastOrDefault()?.Trim('/') ?? "";
            var name = string.IsNullOrWhiteSpace(last) ? "sheet" : Uri.UnescapeDataString(last);
            return Path.HasExtension(name) ? name : name + ".json";
        }
    }
}

/// <summary>
/// Pulls a price sheet by URL, the way each source serves it: the Azure Retail Prices API page by page through
/// <c>NextPageLink</c> (pages combined into one envelope so the sheet is archived and read whole), OpenRouter through
/// <c>links.next</c> when it pages, every other sheet as one conditional GET (a 304 means the archived copy is current).
/// </summary>
public sealed class PriceSheetPuller(IHttpClientFactory clients, TimeProvider? clock = null, HttpPullOptions? options = null)
{
    private readonly HttpPullOptions _options = options ?? new HttpPullOptions();

    public async Task<PulledSheet> PullAsync(string format, Uri url, HttpValidators? known, CancellationToken cancellationToken = default)
    {
        switch (format)
        {
            case AzureRetailReader.FormatName:
                return await PagesAsync(AzureRetailQuery.FirstPage(url), NextPage.FromJson("NextPageLink"), "Items", cancellationToken).ConfigureAwait(false);
            case OpenRouterReader.FormatName:
                return await PagesAsync(url, NextPage.FromJson("links", "next"), "data", cancellationToken, known).ConfigureAwait(false);
            default:
                var body = format == OverridesPriceReader.FormatName ? HttpBody.Any : HttpBody.Json;
                var pull = await Puller(body).GetAsync(url, known, cancellationToken).ConfigureAwait(false);
                return new PulledSheet(url, pull.Body, pull.NotModified ? known ?? HttpValidators.None : pull.Validators, pull.NotModified, 1);
        }
    }

    private HttpPuller Puller(HttpBody body) => new(clients, clock, _options with { Body = body });

    /// <summary>
    /// Every page; one page is kept byte for byte, several are combined into <c>{ arrayName: [every item], … }</c>.
    /// The first page is asked conditionally when validators are known; a 304 there ends the pull.
    /// </summary>
    private async Task<PulledSheet> PagesAsync(
        Uri first, Func<HttpPull, Uri?> next, string arrayName, CancellationToken cancellationToken, HttpValidators? known = null)
    {
        var pages = new List<HttpPull>();
        await foreach (var page in Puller(HttpBody.Json).GetPagesAsync(first, next, known, cancellationToken).ConfigureAwait(false))
            pages.Add(page);
        if (pages[0].NotModified) return new PulledSheet(first, [], known ?? HttpValidators.None, true, 1);

        var content = pages.Count == 1 ? pages[0].Body : Combine(pages, arrayName);
        return new PulledSheet(first, content, pages[0].Validators, false, pages.Count);
    }

    /// <summary>The items of every page in one document, written as the pages wrote them (prices stay exact decimal text).</summary>
    private static byte[] Combine(IReadOnlyList<HttpPull> pages, string arrayName)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(arrayName);
            var count = 0;
            foreach (var page in pages)
            {
                using var document = JsonDocument.Parse(page.Body);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!string.Equals(property.Name, arrayName, StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind != JsonValueKind.Array) continue;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        item.WriteTo(writer);
                        count++;
                    }
                }
            }

            writer.WriteEndArray();
            writer.WriteNull(arrayName == "Items" ? "NextPageLink" : "next");
            writer.WriteNumber(arrayName == "Items" ? "Count" : "total_count", count);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
