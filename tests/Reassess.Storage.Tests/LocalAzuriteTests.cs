using Azure.Data.Tables;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;
using Reassess.Storage.Workloads;

namespace Reassess.Storage.Tests;

public sealed class LocalAzuriteTests
{
    [Fact]
    public async Task Configured_cloud_storage_is_used_as_it_is_and_nothing_is_started()
    {
        var settings = new StorageSettings
        {
            BlobServiceUri = new Uri("https://reassessprod.blob.core.windows.net"),
            TableServiceUri = new Uri("https://reassessprod.table.core.windows.net"),
            Credential = "managedidentity",
        };
        var said = new List<string>();

        await using var resolved = await EmbeddedStorage.ResolveAsync(settings, said.Add);

        Assert.Same(settings, resolved.Settings);
        Assert.Null(resolved.Azurite);
        Assert.Empty(said);
    }

    [Fact]
    public void The_repository_root_is_the_folder_holding_the_solution()
    {
        var root = RepositoryRoot.Find();

        Assert.True(File.Exists(Path.Combine(root, "Reassess.sln")));
        Assert.True(File.Exists(Path.Combine(root, "package.json")));
    }

    [Fact]
    public void The_shared_reference_data_is_found_beside_the_checkout_not_inside_it()
    {
        var root = RepositoryRoot.Find();

        var data = Testing.SharedData.Folder;

        Assert.Equal(Path.Combine(Path.GetDirectoryName(root)!, "shared", "data"), data);
        Assert.True(Directory.Exists(Testing.SharedData.Path("prices")));
        Assert.Throws<FileNotFoundException>(() => Testing.SharedData.Path("no-such-file.json"));
    }

    [Fact]
    public async Task Azurite_with_a_data_folder_keeps_rows_across_a_restart_and_stops_on_dispose()
    {
        var location = Directory.CreateTempSubdirectory("reassess-azurite-").FullName;
        try
        {
            var options = new AzuriteOptions { Location = location };
            int tablePort;
            await using (var first = await AzuriteLauncher.StartAsync(options))
            {
                tablePort = first.TablePort;
                var account = new StorageAccount(first.Settings());
                await account.EnsureCreatedAsync();
                await new WorkloadStore(account).UpsertAsync([Samples.Workload()]);
                Assert.Contains($"TableEndpoint=http://127.0.0.1:{first.TablePort}/devstoreaccount1;", first.ConnectionString);
            }

            Assert.False(await AzuriteLauncher.AcceptsAsync(tablePort));
            await using var second = await AzuriteLauncher.StartAsync(options);
            var reread = await new WorkloadStore(new StorageAccount(second.Settings())).FindAsync("support-triage");
            Assert.Equal("Support ticket triage", reread?.Name);
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }
}
