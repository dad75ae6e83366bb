using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Tests;

/// <summary>Settings and client construction: none of this touches the network.</summary>
public sealed class StorageSettingsTests
{
    private static StorageSettings Read(params (string Key, string Value)[] values) =>
        StorageSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build());

    [Fact]
    public void Identity_based_settings_build_clients_for_the_configured_URIs()
    {
        var settings = Read(
            ("AzureWebJobsStorage__blobServiceUri", "https://reassessprod.blob.core.windows.net"),
            ("AzureWebJobsStorage__tableServiceUri", "https://reassessprod.table.core.windows.net"),
            ("AzureWebJobsStorage__credential", "managedidentity"),
            ("AzureWebJobsStorage__clientId", "6b0f2a4e-1c1d-4a57-9a3e-2f0c5d7b8e91"));

        var account = new StorageAccount(settings);

        Assert.True(settings.IsIdentityBased);
        Assert.Equal(new Uri("https://reassessprod.blob.core.windows.net"), account.Blobs.Uri);
        Assert.Equal(new Uri("https://reassessprod.table.core.windows.net"), account.Tables.Uri);
        Assert.Equal("reassessprod", account.Blobs.AccountName);
        Assert.Equal("reassessprod", account.Tables.AccountName);
        Assert.IsType<ManagedIdentityCredential>(account.Credential);
        Assert.Equal("https://reassessprod.table.core.windows.net/Prices", account.Table(settings.PricesTable).Uri.ToString());
        Assert.Equal("https://reassessprod.blob.core.windows.net/reports", account.Container(settings.ReportsContainer).Uri.ToString());
    }

    [Fact]
    public void Identity_settings_are_also_read_as_environment_variables_arrive_in_configuration()
    {
        // AzureWebJobsStorage__tableServiceUri as an environment variable becomes the key AzureWebJobsStorage:tableServiceUri.
        var settings = Read(
            ("AzureWebJobsStorage:blobServiceUri", "https://reassessprod.blob.core.windows.net/"),
            ("AzureWebJobsStorage:tableServiceUri", "https://reassessprod.table.core.windows.net/"),
            ("AzureWebJobsStorage:credential", "managedidentity"));

        var account = new StorageAccount(settings);

        Assert.Equal("reassessprod.table.core.windows.net", account.Tables.Uri.Host);
        Assert.Null(settings.ClientId);
        Assert.IsType<ManagedIdentityCredential>(account.Credential);
    }

    [Fact]
    public void Without_managedidentity_the_developer_credential_chain_is_used()
    {
        var settings = Read(
            ("AzureWebJobsStorage__blobServiceUri", "https://dev.blob.core.windows.net"),
            ("AzureWebJobsStorage__tableServiceUri", "https://dev.table.core.windows.net"));

        Assert.IsType<DefaultAzureCredential>(new StorageAccount(settings).Credential);
    }

    [Fact]
    public void No_storage_settings_give_a_message_naming_the_settings_to_set()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => new StorageAccount(Read()));

        Assert.StartsWith("No storage is configured. Set AzureWebJobsStorage to a connection string (UseDevelopmentStorage=true for Azurite)", error.Message);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message);
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message);
    }

    [Fact]
    public void Identity_based_storage_without_a_table_URI_names_the_missing_setting()
    {
        var settings = Read(("AzureWebJobsStorage__blobServiceUri", "https://reassessprod.blob.core.windows.net"));

        var error = Assert.Throws<StorageConfigurationException>(() => new StorageAccount(settings));

        Assert.StartsWith("Identity-based storage is configured but AzureWebJobsStorage__tableServiceUri is not set", error.Message);
    }

    [Fact]
    public void An_invalid_service_URI_is_reported_with_its_setting()
    {
        var error = Assert.Throws<StorageConfigurationException>(() =>
            Read(("AzureWebJobsStorage__blobServiceUri", "reassessprod.blob.core.windows.net")));

        Assert.StartsWith("Setting AzureWebJobsStorage__blobServiceUri is 'reassessprod.blob.core.windows.net', which is not an absolute http(s) URI.", error.Message);
    }

    [Fact]
    public void An_unknown_credential_kind_is_reported_with_its_setting()
    {
        var settings = Read(
            ("AzureWebJobsStorage__blobServiceUri", "https://a.blob.core.windows.net"),
            ("AzureWebJobsStorage__tableServiceUri", "https://a.table.core.windows.net"),
            ("AzureWebJobsStorage__credential", "clientsecret"));

        var error = Assert.Throws<StorageConfigurationException>(() => new StorageAccount(settings));

        Assert.StartsWith("Setting AzureWebJobsStorage__credential is 'clientsecret'", error.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_reported_naming_AzureWebJobsStorage()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => new StorageAccount(Read(("AzureWebJobsStorage", "not a connection string"))));

        Assert.StartsWith("Setting AzureWebJobsStorage is not a valid storage connection string", error.Message);
    }

    [Fact]
    public void Development_storage_points_at_Azurite_default_ports()
    {
        var settings = Read(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        var account = new StorageAccount(settings);

        Assert.True(settings.IsDevelopmentStorage);
        Assert.Equal(10000, account.Blobs.Uri.Port);
        Assert.Equal(10002, account.Tables.Uri.Port);
        Assert.Null(account.Credential);
    }

    [Fact]
    public void Table_and_container_names_default_to_the_design_and_can_be_set()
    {
        var defaults = Read();
        var custom = Read(("Storage:PricesTable", "PricesV2"), ("Storage:ReportsContainer", "weekly-reports"));

        Assert.Equal(["Workloads", "Prices", "UsageDaily", "Evals", "Assessments", "CostTrends", "Runs", "Deliveries", "Decisions"], defaults.AllTables);
        Assert.Equal(["price-sheets", "usage-drops", "reports"], defaults.AllContainers);
        Assert.Equal("PricesV2", custom.PricesTable);
        Assert.Equal("weekly-reports", custom.ReportsContainer);
    }

    [Fact]
    public void A_name_prefix_applies_to_every_table_and_container()
    {
        var settings = Read(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("Storage:NamePrefix", "Ci42"));

        var account = new StorageAccount(settings);

        Assert.Equal("Ci42Prices", account.Table(settings.PricesTable).Name);
        Assert.Equal("ci42price-sheets", account.Container(settings.PriceSheetsContainer).Name);
    }

    [Fact]
    public void A_table_name_the_service_would_refuse_is_reported_naming_its_setting()
    {
        var settings = Read(("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("Storage:RunsTable", "run-log"));

        var error = Assert.Throws<StorageConfigurationException>(() => new StorageAccount(settings));

        Assert.StartsWith("Setting Storage__RunsTable is 'run-log': a table name is 3-63 letters or digits starting with a letter.", error.Message);
    }

    [Fact]
    public void A_name_prefix_that_is_not_letters_and_digits_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new StorageSettings().WithNamePrefix("test-1"));
        Assert.Throws<ArgumentException>(() => new StorageSettings().WithNamePrefix("1test"));
    }
}
