using System.Text;
using Reassess.Storage.Blobs;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class PriceSheetArchiveTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private async Task<(PriceSheetArchive Store, BlobFiles Files)> NewStoreAsync()
    {
        var account = await azurite.NewAccountAsync();
        return (new PriceSheetArchive(account), new BlobFiles(account));
    }

    [Fact]
    public async Task A_raw_sheet_is_archived_under_its_source_and_day()
    {
        var (store, files) = await NewStoreAsync();
        var sheet = Encoding.UTF8.GetBytes("{\"gpt-4o\":{\"input_cost_per_token\":2.5e-06}}");

        var path = await store.ArchiveAsync("litellm", Day, "model_prices_and_context_window.json", sheet);

        Assert.Equal("price-sheets/raw/litellm/2026-03-02/model_prices_and_context_window.json", path);
        var stored = await files.DownloadAsync(path);
        Assert.Equal(sheet, stored!.Content);
        Assert.Equal("application/json", stored.ContentType);
    }

    [Fact]
    public async Task A_quarantined_sheet_keeps_the_reason_in_its_metadata()
    {
        var (store, files) = await NewStoreAsync();
        var sheet = Encoding.UTF8.GetBytes("key,input\nopenai/gpt-4o,-3\n");

        var path = await store.QuarantineAsync("overrides", Day, "prices.csv", sheet, "row 2: negative input price -3\n(1 of 1 rows rejected — sheet kept out)");

        Assert.Equal("price-sheets/quarantine/overrides/2026-03-02/prices.csv", path);
        var stored = await files.DownloadAsync(path);
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
        var (store, _) = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.ArchiveAsync(source, Day, fileName, new byte[] { 1 }));

        Assert.Contains("cannot be part of a blob path", error.Message);
    }
}
