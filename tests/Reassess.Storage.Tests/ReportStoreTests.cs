using System.Text;
using Reassess.Storage.Blobs;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class ReportStoreTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static (string Name, byte[] Content, string ContentType) File(string name, string text, string type) =>
        (name, Encoding.UTF8.GetBytes(text), type);

    private static List<(string Name, byte[] Content, string ContentType)> Report(string week) =>
    [
        File("index.html", $"<h1>Reassess {week}</h1><p>Coût: 1 234,50 €</p>", "text/html; charset=utf-8"),
        File("summary.md", $"# {week}\n\n2 flips", "text/markdown; charset=utf-8"),
        File("assessments.json", "[{\"workloadId\":\"support-triage\"}]", "application/json"),
        File("finance.csv", "costCenter,monthlyCost\nCC-1042,4900.44\n", "text/csv"),
    ];

    private async Task<ReportStore> NewStoreAsync() => new(await azurite.NewAccountAsync());

    [Fact]
    public async Task Publishing_a_week_writes_the_week_and_latest_blobs_byte_for_byte()
    {
        var store = await NewStoreAsync();
        var files = Report("2026-W10");

        var publication = await store.PublishAsync("2026-W10", files);

        Assert.True(publication.LatestUpdated);
        Assert.Equal(8, publication.Paths.Count);
        foreach (var (name, content, type) in files)
        {
            foreach (var path in new[] { $"reports/2026-W10/{name}", $"reports/latest/{name}" })
            {
                var stored = await store.DownloadAsync(path);
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
        var store = await NewStoreAsync();
        await store.PublishAsync("2026-W10", Report("2026-W10"));

        await store.PublishAsync("2026-W10", Report("2026-W10"));

        Assert.Equal(
            ["reports/2026-W10/assessments.json", "reports/2026-W10/finance.csv", "reports/2026-W10/index.html", "reports/2026-W10/summary.md",
             "reports/latest/assessments.json", "reports/latest/finance.csv", "reports/latest/index.html", "reports/latest/summary.md"],
            await store.ListAsync("reports/"));
    }

    [Fact]
    public async Task Republishing_an_older_week_leaves_latest_on_the_newer_week()
    {
        var store = await NewStoreAsync();
        await store.PublishAsync("2026-W11", Report("2026-W11"));

        var older = await store.PublishAsync("2026-W10", [File("summary.md", "# 2026-W10 corrected", "text/markdown")]);

        Assert.False(older.LatestUpdated);
        Assert.Equal(["reports/2026-W10/summary.md"], older.Paths);
        Assert.Equal("# 2026-W11\n\n2 flips", Encoding.UTF8.GetString((await store.DownloadAsync("reports/latest/summary.md"))!.Content));
        Assert.Equal("# 2026-W10 corrected", Encoding.UTF8.GetString((await store.DownloadAsync("reports/2026-W10/summary.md"))!.Content));
    }

    [Fact]
    public async Task Latest_drops_files_the_new_report_no_longer_has()
    {
        var store = await NewStoreAsync();
        await store.PublishAsync("2026-W10", Report("2026-W10"));

        await store.PublishAsync("2026-W11", [File("summary.md", "# 2026-W11", "text/markdown")]);

        Assert.Equal(["reports/latest/summary.md"], await store.ListAsync("reports/latest/"));
        Assert.Equal(4, (await store.ListAsync("reports/2026-W10/")).Count);
    }

    [Fact]
    public async Task A_raw_sheet_is_archived_under_its_source_and_day()
    {
        var store = await NewStoreAsync();
        var sheet = Encoding.UTF8.GetBytes("{\"gpt-4o\":{\"input_cost_per_token\":2.5e-06}}");

        var path = await store.ArchiveRawSheetAsync("litellm", Day, "model_prices_and_context_window.json", sheet);

        Assert.Equal("price-sheets/raw/litellm/2026-03-02/model_prices_and_context_window.json", path);
        var stored = await store.DownloadAsync(path);
        Assert.Equal(sheet, stored!.Content);
        Assert.Equal("application/json", stored.ContentType);
    }

    [Fact]
    public async Task A_quarantined_sheet_keeps_the_reason_in_its_metadata()
    {
        var store = await NewStoreAsync();
        var sheet = Encoding.UTF8.GetBytes("key,input\nopenai/gpt-4o,-3\n");

        var path = await store.QuarantineAsync("overrides", Day, "prices.csv", sheet, "row 2: negative input price -3\n(1 of 1 rows rejected — sheet kept out)");

        Assert.Equal("price-sheets/quarantine/overrides/2026-03-02/prices.csv", path);
        var stored = await store.DownloadAsync(path);
        Assert.Equal(sheet, stored!.Content);
        Assert.Equal("text/csv", stored.ContentType);
        Assert.Equal("row 2: negative input price -3 (1 of 1 rows rejected ? sheet kept out)", stored.Metadata["reason"]);
    }

    [Theory]
    [InlineData("litellm", "../secrets.json")]
    [InlineData("litellm", "sub/dir.json")]
    [InlineData("lite/llm", "sheet.json")]
    [InlineData("", "sheet.json")]
    [InlineData("litellm", "..")]
    public async Task A_source_or_file_name_that_would_change_the_path_is_rejected(string source, string fileName)
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ArchiveRawSheetAsync(source, Day, fileName, new byte[] { 1 }));

        Assert.Contains("cannot be part of a blob path", error.Message);
    }

    [Fact]
    public async Task Downloading_a_blob_that_is_not_there_gives_null()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.DownloadAsync("reports/2026-W01/index.html"));
    }

    [Fact]
    public async Task A_path_outside_the_known_containers_is_rejected_naming_them()
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.DownloadAsync("secrets/key.txt"));

        Assert.StartsWith("Path 'secrets/key.txt' does not start with a known container (price-sheets, usage-drops, reports).", error.Message);
    }
}
