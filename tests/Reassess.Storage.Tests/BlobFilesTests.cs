using Reassess.Storage.Blobs;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobFilesTests(AzuriteFixture azurite)
{
    private async Task<BlobFiles> NewStoreAsync() => new(await azurite.NewAccountAsync());

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
