using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Reassess.Core.Time;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Tools.Azurite;

namespace Reassess.Storage.Tests;

/// <summary>
/// A report link, opened by a plain HTTP client as a browser would, reads its file and nothing else, and stops working
/// when it expires. Azurite checks the signature, the permissions and the expiry as storage does.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReportLinksTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly IsoWeek W10 = new(2026, 10);
    private static readonly byte[] Summary = Encoding.UTF8.GetBytes("# 2026-W10\n\nCoût: 1 234,50 €\n");

    private readonly HttpClient _browser = new();

    public void Dispose() => _browser.Dispose();

    private async Task<StorageAccount> PublishedAsync()
    {
        var account = await azurite.NewAccountAsync();
        await new ReportStore(account).PublishAsync(W10, [("summary.md", Summary, "text/markdown; charset=utf-8")]);
        return account;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_link_reads_the_published_file_byte_for_byte(bool latest)
    {
        var links = new ReportLinks(await PublishedAsync());

        var link = await links.LinkAsync(latest ? ReportFolder.Latest : ReportFolder.Of(W10), "summary.md", TimeSpan.FromHours(1));
        using var answer = await _browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(Summary, await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/markdown; charset=utf-8", answer.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_link_can_neither_overwrite_nor_delete_its_file()
    {
        var account = await PublishedAsync();
        var link = await new ReportLinks(account).LinkAsync(ReportFolder.Of(W10), "summary.md", TimeSpan.FromHours(1));

        using var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent("defaced"u8.ToArray()) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var overwrite = await _browser.SendAsync(put);
        using var delete = await _browser.DeleteAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(Summary, (await new ReportStore(account).ReadAsync(ReportFolder.Of(W10), "summary.md"))!.Content);
    }

    [Fact]
    public async Task A_link_opens_no_other_file_of_the_report()
    {
        var account = await PublishedAsync();
        await new ReportStore(account).PublishAsync(W10, [("summary.md", Summary, "text/markdown"), ("finance.csv", "costCenter\n"u8.ToArray(), "text/csv")]);
        var link = await new ReportLinks(account).LinkAsync(ReportFolder.Of(W10), "summary.md", TimeSpan.FromHours(1));

        var elsewhere = new UriBuilder(link) { Path = link.AbsolutePath.Replace("summary.md", "finance.csv", StringComparison.Ordinal) }.Uri;
        using var answer = await _browser.GetAsync(elsewhere);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task A_link_is_refused_once_it_has_expired()
    {
        var twoHoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var links = new ReportLinks(await PublishedAsync(), twoHoursAgo);

        var link = await links.LinkAsync(ReportFolder.Of(W10), "summary.md", TimeSpan.FromHours(1));
        using var answer = await _browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task A_link_carries_a_signature_for_reading_until_its_expiry_and_never_the_account_key()
    {
        var now = new DateTimeOffset(2026, 3, 9, 7, 30, 0, TimeSpan.Zero);
        var links = new ReportLinks(await PublishedAsync(), new FakeTimeProvider(now));

        var link = (await links.LinkAsync(ReportFolder.Of(W10), "summary.md", TimeSpan.FromDays(7))).ToString();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);

        Assert.DoesNotContain(AzuriteInstance.DevelopmentAccountKey, link);
        Assert.DoesNotContain(Uri.EscapeDataString(AzuriteInstance.DevelopmentAccountKey), link);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal("2026-03-16T07:30:00Z", query["se"]);
        Assert.Equal("2026-03-09T07:15:00Z", query["st"]);
        Assert.NotEmpty(query["sig"]!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(7 * 24 * 60 + 1)]
    public async Task A_link_lives_more_than_no_time_and_at_most_seven_days(int minutes)
    {
        var links = new ReportLinks(await PublishedAsync());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => links.LinkAsync(ReportFolder.Of(W10), "summary.md", TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public async Task Storage_reached_with_a_shared_access_signature_cannot_sign_links_and_says_why_without_the_signature()
    {
        const string signature = "sv=2024-08-04&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";
        var account = new StorageAccount(new StorageSettings
        {
            ConnectionString = $"BlobEndpoint=https://reassessprod.blob.core.windows.net;TableEndpoint=https://reassessprod.table.core.windows.net;SharedAccessSignature={signature}",
        });

        var refused = await Assert.ThrowsAsync<StorageConfigurationException>(() =>
            new ReportLinks(account).LinkAsync(ReportFolder.Latest, "index.html", TimeSpan.FromHours(1)));

        Assert.Contains("without an account key", refused.Message);
        Assert.DoesNotContain("c2VjcmV0", refused.Message);
    }
}
