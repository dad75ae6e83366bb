using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Reassess.Storage.Configuration;

/// <summary>
/// The storage account the settings point at: builds the table and blob clients from a connection string or from
/// service URIs plus an Azure identity, and creates every table and container on start-up. Building clients does
/// not touch the network; a wrong setting is reported when the account is built, naming the setting.
/// </summary>
public sealed partial class StorageAccount
{
    public StorageAccount(StorageSettings settings, TokenCredential? credential = null)
    {
        Settings = settings;
        CheckNames(settings);
        if (settings.IsConnectionString)
        {
            Tables = FromConnectionString(() => new TableServiceClient(settings.ConnectionString));
            Blobs = FromConnectionString(() => new BlobServiceClient(settings.ConnectionString));
        }
        else if (settings.IsIdentityBased)
        {
            var tableUri = settings.TableServiceUri ?? throw Missing(StorageSettings.Keys.TableServiceUri, "tables");
            var blobUri = settings.BlobServiceUri ?? throw Missing(StorageSettings.Keys.BlobServiceUri, "blobs");
            Credential = credential ?? CredentialFor(settings);
            Tables = new TableServiceClient(tableUri, Credential);
            Blobs = new BlobServiceClient(blobUri, Credential);
        }
        else
        {
            throw new StorageConfigurationException(
                $"No storage is configured. Set {StorageSettings.Keys.Connection} to a connection string " +
                $"(UseDevelopmentStorage=true for Azurite), or set {StorageSettings.Keys.BlobServiceUri} and " +
                $"{StorageSettings.Keys.TableServiceUri} (with {StorageSettings.Keys.Credential}=managedidentity) for identity-based access.");
        }
    }

    public StorageSettings Settings { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The identity used for identity-based access; null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>A table by its configured (unprefixed) name, e.g. <c>Settings.PricesTable</c>.</summary>
    public TableClient Table(string table) => Tables.GetTableClient(Settings.TableName(table));

    /// <summary>A container by its configured (unprefixed) name, e.g. <c>Settings.ReportsContainer</c>.</summary>
    public BlobContainerClient Container(string container) => Blobs.GetBlobContainerClient(Settings.ContainerName(container));

    /// <summary>Creates every table and container that does not exist yet; safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in Settings.AllTables)
            await Table(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var container in Settings.AllContainers)
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// As Azure Functions reads these settings: a user-assigned managed identity when a client id is given, the
    /// system-assigned one for <c>credential=managedidentity</c>, otherwise the developer credential chain
    /// (Azure CLI, Visual Studio, environment...) so the same settings work from a laptop.
    /// </summary>
    private static TokenCredential CredentialFor(StorageSettings settings)
    {
        var kind = settings.Credential;
        if (kind is not null && !kind.Equals("managedidentity", StringComparison.OrdinalIgnoreCase))
            throw new StorageConfigurationException(
                $"Setting {StorageSettings.Keys.Credential} is '{kind}'; the only supported value is 'managedidentity' (or leave it empty).");
        if (settings.ClientId is not null)
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ClientId));
        if (kind is not null)
            return new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new DefaultAzureCredential();
    }

    private static T FromConnectionString<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new StorageConfigurationException(
                $"Setting {StorageSettings.Keys.Connection} is not a valid storage connection string ({e.Message}). " +
                "Use UseDevelopmentStorage=true for Azurite, or copy the account's connection string.", e);
        }
    }

    private static StorageConfigurationException Missing(string key, string what) =>
        new($"Identity-based storage is configured but {key} is not set, so {what} cannot be reached. " +
            $"Set it, e.g. https://<account>.{(what == "tables" ? "table" : "blob")}.core.windows.net.");

    private static void CheckNames(StorageSettings settings)
    {
        foreach (var (setting, table) in new[]
                 {
                     (nameof(settings.WorkloadsTable), settings.WorkloadsTable), (nameof(settings.PricesTable), settings.PricesTable),
                     (nameof(settings.UsageDailyTable), settings.UsageDailyTable), (nameof(settings.EvalsTable), settings.EvalsTable),
                     (nameof(settings.AssessmentsTable), settings.AssessmentsTable),
                     (nameof(settings.CostTrendsTable), settings.CostTrendsTable), (nameof(settings.RunsTable), settings.RunsTable),
                 })
        {
            if (!TableNamePattern().IsMatch(settings.TableName(table)))
                throw new StorageConfigurationException(
                    $"Setting {StorageSettings.Keys.Section}__{setting} is '{table}': a table name is 3-63 letters or digits starting with a letter.");
        }

        foreach (var (setting, container) in new[]
                 {
                     (nameof(settings.PriceSheetsContainer), settings.PriceSheetsContainer),
                     (nameof(settings.UsageDropsContainer), settings.UsageDropsContainer),
                     (nameof(settings.ReportsContainer), settings.ReportsContainer),
                 })
        {
            var name = settings.ContainerName(container);
            if (!ContainerNamePattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
                throw new StorageConfigurationException(
                    $"Setting {StorageSettings.Keys.Section}__{setting} is '{container}': a container name is 3-63 lower-case letters, " +
                    "digits or single hyphens, starting and ending with a letter or digit.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$")]
    private static partial Regex ContainerNamePattern();
}
