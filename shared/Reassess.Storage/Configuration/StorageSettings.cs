using Microsoft.Extensions.Configuration;

namespace Reassess.Storage.Configuration;

/// <summary>
/// Where Reassess keeps its tables and blobs, read from the same settings an Azure Functions app uses
/// (docs/architecture.md, Storage): <c>AzureWebJobsStorage</c> as a connection string, or identity-based through
/// <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__tableServiceUri</c> / <c>__credential</c> / <c>__clientId</c>.
/// Table and container names are settings too, so two deployments can share an account.
/// </summary>
public sealed record StorageSettings
{
    /// <summary>The setting names, spelled as they appear in app settings and <c>local.settings.json</c>.</summary>
    public static class Keys
    {
        public const string Connection = "AzureWebJobsStorage";
        public const string BlobServiceUri = "AzureWebJobsStorage__blobServiceUri";
        public const string TableServiceUri = "AzureWebJobsStorage__tableServiceUri";
        public const string Credential = "AzureWebJobsStorage__credential";
        public const string ClientId = "AzureWebJobsStorage__clientId";

        /// <summary>Section holding table/container names and the name prefix, e.g. <c>Storage__PricesTable</c>.</summary>
        public const string Section = "Storage";
    }

    /// <summary>A connection string; <c>UseDevelopmentStorage=true</c> means Azurite on its default ports.</summary>
    public string? ConnectionString { get; init; }

    public Uri? BlobServiceUri { get; init; }
    public Uri? TableServiceUri { get; init; }

    /// <summary><c>managedidentity</c> or empty (then the usual developer credentials are tried).</summary>
    public string? Credential { get; init; }

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; init; }

    public string WorkloadsTable { get; init; } = "Workloads";
    public string PricesTable { get; init; } = "Prices";
    public string UsageDailyTable { get; init; } = "UsageDaily";
    public string EvalsTable { get; init; } = "Evals";
    public string AssessmentsTable { get; init; } = "Assessments";
    public string CostTrendsTable { get; init; } = "CostTrends";
    public string RunsTable { get; init; } = "Runs";

    /// <summary>One row per message sent (team, week or alert, channel): what makes each delivery happen once.</summary>
    public string DeliveriesTable { get; init; } = "Deliveries";

    /// <summary>One row per recorded decision with its forecast, frozen when recorded so later edits cannot move it.</summary>
    public string DecisionsTable { get; init; } = "Decisions";

    public string PriceSheetsContainer { get; init; } = "price-sheets";
    public string UsageDropsContainer { get; init; } = "usage-drops";
    public string ReportsContainer { get; init; } = "reports";

    /// <summary>
    /// Put in front of every table and container name. Tests give each test its own prefix so they never see each
    /// other's rows; letters and digits only, because table names allow nothing else.
    /// </summary>
    public string NamePrefix { get; init; } = "";

    public bool IsConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public bool IsIdentityBased => !IsConnectionString && (BlobServiceUri is not null || TableServiceUri is not null);

    public bool IsConfigured => IsConnectionString || IsIdentityBased;

    /// <summary>True for <c>UseDevelopmentStorage=true</c>, the local default that means Azurite on 10000–10002.</summary>
    public bool IsDevelopmentStorage =>
        IsConnectionString
        && ConnectionString!.Replace(" ", "", StringComparison.Ordinal)
            .Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> AllTables =>
        [WorkloadsTable, PricesTable, UsageDailyTable, EvalsTable, AssessmentsTable, CostTrendsTable, RunsTable, DeliveriesTable, DecisionsTable];

    /// <summary>Tables kept as one table per month (<c>UsageDaily202611</c>); the setting is the name they start with.</summary>
    public IEnumerable<string> MonthTables => [UsageDailyTable, EvalsTable];

    public IEnumerable<string> AllContainers => [PriceSheetsContainer, UsageDropsContainer, ReportsContainer];

    /// <summary>The name a table has in the account, prefix included.</summary>
    public string TableName(string table) => NamePrefix + table;

    /// <summary>The name a container has in the account: prefix included, lower case as blob storage requires.</summary>
    public string ContainerName(string container) => (NamePrefix + container).ToLowerInvariant();

    public StorageSettings WithNamePrefix(string prefix)
    {
        if (prefix.Length > 20 || !prefix.All(char.IsAsciiLetterOrDigit) || (prefix.Length > 0 && !char.IsAsciiLetter(prefix[0])))
            throw new ArgumentException(
                $"Name prefix '{prefix}' must be at most 20 ASCII letters or digits starting with a letter, because table names allow nothing else.",
                nameof(prefix));
        return this with { NamePrefix = prefix };
    }

    /// <summary>
    /// Reads the settings. Identity-based keys are accepted both as written in app settings
    /// (<c>AzureWebJobsStorage__blobServiceUri</c>) and as configuration turns environment variables into sections
    /// (<c>AzureWebJobsStorage:blobServiceUri</c>). A malformed URI is reported here, naming its setting.
    /// </summary>
    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var names = configuration.GetSection(Keys.Section);
        var defaults = new StorageSettings();
        return new StorageSettings
        {
            ConnectionString = Blank(configuration[Keys.Connection]),
            BlobServiceUri = ServiceUri(configuration, Keys.BlobServiceUri),
            TableServiceUri = ServiceUri(configuration, Keys.TableServiceUri),
            Credential = Identity(configuration, Keys.Credential),
            ClientId = Identity(configuration, Keys.ClientId),
            WorkloadsTable = names[nameof(WorkloadsTable)] ?? defaults.WorkloadsTable,
            PricesTable = names[nameof(PricesTable)] ?? defaults.PricesTable,
            UsageDailyTable = names[nameof(UsageDailyTable)] ?? defaults.UsageDailyTable,
            EvalsTable = names[nameof(EvalsTable)] ?? defaults.EvalsTable,
            AssessmentsTable = names[nameof(AssessmentsTable)] ?? defaults.AssessmentsTable,
            CostTrendsTable = names[nameof(CostTrendsTable)] ?? defaults.CostTrendsTable,
            RunsTable = names[nameof(RunsTable)] ?? defaults.RunsTable,
            DeliveriesTable = names[nameof(DeliveriesTable)] ?? defaults.DeliveriesTable,
            DecisionsTable = names[nameof(DecisionsTable)] ?? defaults.DecisionsTable,
            PriceSheetsContainer = names[nameof(PriceSheetsContainer)] ?? defaults.PriceSheetsContainer,
            UsageDropsContainer = names[nameof(UsageDropsContainer)] ?? defaults.UsageDropsContainer,
            ReportsContainer = names[nameof(ReportsContainer)] ?? defaults.ReportsContainer,
        }.WithNamePrefix(names[nameof(NamePrefix)] ?? "");
    }

    /// <summary>Where storage points, for logs and error messages; never includes a key.</summary>
    public string Describe() =>
        IsDevelopmentStorage ? "local development storage (Azurite on 127.0.0.1:10000-10002)"
        : IsConnectionString ? $"connection string from {Keys.Connection}"
        : IsIdentityBased ? $"identity-based ({Keys.BlobServiceUri}={BlobServiceUri}, {Keys.TableServiceUri}={TableServiceUri})"
        : "no storage configured";

    private static Uri? ServiceUri(IConfiguration configuration, string key)
    {
        var text = Identity(configuration, key);
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            return uri;
        throw new StorageConfigurationException(
            $"Setting {key} is '{text}', which is not an absolute http(s) URI. " +
            "Expected e.g. https://<account>.blob.core.windows.net or https://<account>.table.core.windows.net.");
    }

    /// <summary>Reads <c>AzureWebJobsStorage__x</c> under either spelling.</summary>
    private static string? Identity(IConfiguration configuration, string key) =>
        Blank(configuration[key]) ?? Blank(configuration[key.Replace("__", ":", StringComparison.Ordinal)]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
