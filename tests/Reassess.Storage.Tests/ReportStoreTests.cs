using System.Text;
using Reassess.Core.Time;
using Reassess.Storage.Blobs;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class ReportStoreTests(AzuriteFixture azurite)
{
    private static readonly IsoWeek W10 = new(2026, 10);
    private static readonly IsoWeek W11 = new(2026, 11);

    private static (string Name, byte[] Content, string ContentType) File(string name, string text, string type) =>
        (name, Encoding.UTF8.GetBytes(text), type);

    private static List<(string Name, byte[] Content, string ContentType)> Report(string week) =>
    [
        File("index.html", $"<h1>Reassess {week}</h1><p>Coût: 1 234,50 €</p>", "text/html; charset=utf-8"),
        File("summary.md", $"# {week}\n\n2 flips", "text/markdown; charset=utf-8"),
        File("assessments.json", "[{\"workloadId\":\"support-triage\"}]", "application/json"),
        File("finance.csv", "costCenter,monthlyCost\nCC-1042,4900.44\n", "text/csv"),
    ];

    private async Task<(ReportStore Store, BlobFiles Files)> NewStoreAsync()
    {
        var account = await azurite.NewAccountAsync();
        return (new ReportStore(account), new BlobFiles(account));
    }

    [Fact]
    public async Task Publishing_a_week_writes_the_week_and_latest_blobs_byte_for_byte()
    {
        var (store, files) = await NewStoreAsync();
        var report = Report("2026-W10");

        var publication = await store.PublishAsync(W10, report);

        Assert.True(publication.LatestUpdated);
        Assert.Equal(8, publication.Paths.Count);
        foreach (var (name, content, type) in report)
        {
            foreach (var path in new[] { $"reports/2026-W10/{name}", $"reports/latest/{name}" })
            {
                var stored = await files.DownloadAsync(path);
                Assert.NotNull(stored);
                Assert.Equal(content, stored.Content);
                Assert.Equal(type, stored.ContentType);
                Assert.Contains(path, publication.Paths);
            }
        }
    }

    [Fact]
    public async Task Republishing_the_same_week_gives_the_same_blobs()
    {
        var (store, files) = await NewStoreAsync();
        await store.PublishAsync(W10, Report("2026-W10"));

        await store.PublishAsync(W10, Report("2026-W10"));

        Assert.Equal(
            ["reports/2026-W10/assessments.json", "reports/2026-W10/finance.csv", "reports/2026-W10/index.html", "reports/2026-W10/summary.md",
             "reports/latest/assessments.json", "reports/latest/finance.csv", "reports/latest/index.html", "reports/latest/summary.md"],
            await files.ListAsync("reports/"));
    }

    [Fact]
    public async Task Republishing_an_older_week_leaves_latest_on_the_newer_week()
    {
        var (store, files) = await NewStoreAsync();
        await store.PublishAsync(W11, Report("2026-W11"));

        var older = await store.PublishAsync(W10, [File("summary.md", "# 2026-W10 corrected", "text/markdown")]);

        Assert.False(older.LatestUpdated);
        Assert.Equal(["reports/2026-W10/summary.md"], older.Paths);
        Assert.Equal("# 2026-W11\n\n2 flips", Encoding.UTF8.GetString((await files.DownloadAsync("reports/latest/summary.md"))!.Content));
        Assert.Equal("# 2026-W10 corrected", Encoding.UTF8.GetString((await files.DownloadAsync("reports/2026-W10/summary.md"))!.Content));
    }

    [Fact]
    public async Task Latest_drops_files_the_new_report_no_longer_has()
    {
        var (store, files) = await NewStoreAsync();
        await store.PublishAsync(W10, Report("2026-W10"));

        await store.PublishAsync(W11, [File("summary.md", "# 2026-W11", "text/markdown")]);

        Assert.Equal(["reports/latest/summary.md"], await files.ListAsync("reports/latest/"));
        Assert.Equal(4, (await files.ListAsync("reports/2026-W10/")).Count);
    }
}
