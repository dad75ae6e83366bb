using Reassess.Pipeline;
using Delivery = Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;

namespace Reassess.Hosting.Settings;

/// <summary>Where a setting is written down: the deployed app settings (<c>infra/</c>), <c>local.settings.example.json</c>, both or neither.</summary>
public enum SettingPlace
{
    /// <summary>In the Bicep app settings and in <c>local.settings.example.json</c>.</summary>
    Everywhere,

    /// <summary>Set by the deployment only; <see cref="AppSetting.PlaceReason"/> says why local runs do without.</summary>
    AzureOnly,

    /// <summary>In <c>local.settings.example.json</c> only; <see cref="AppSetting.PlaceReason"/> says why Azure does without.</summary>
    LocalOnly,

    /// <summary>In neither file: read from the process environment alone (a developer's shell).</summary>
    EnvironmentOnly,
}

/// <summary>Who reads a setting. Only settings Reassess reads itself are bound by its code; the others are set for the platform.</summary>
[Flags]
public enum SettingReader
{
    Reassess = 1,

    /// <summary>The Azure Functions host (storage for its own state, telemetry, worker runtime, timers).</summary>
    FunctionsHost = 2,

    /// <summary><c>Azure.Identity</c>'s <c>DefaultAzureCredential</c>.</summary>
    AzureIdentity = 4,

    /// <summary>ASP.NET Core hosting (Kestrel) under <c>reassess serve</c>, which Reassess checks to pick its default address.</summary>
    AspNetCore = 8,
}

/// <summary>One app setting, spelled as in app settings and <c>local.settings.json</c> (sections joined by <c>__</c>).</summary>
/// <param name="Name">The setting's name.</param>
/// <param name="Description">What it does, as <c>local.settings.example.json</c> "Descriptions" has it.</param>
public sealed record AppSetting(string Name, string Description)
{
    /// <summary>What the code uses when the setting is absent; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>The value in <c>local.settings.example.json</c> when it is not <see cref="Default"/>.</summary>
    public string? LocalValue { get; init; }

    /// <summary>A credential: never given a value in a committed file; in Azure a Key Vault reference to <see cref="KeyVaultSecret"/>.</summary>
    public bool IsSecret { get; init; }

    /// <summary>The Key Vault secret the deployed setting references (<c>@Microsoft.KeyVault(SecretUri=…/secrets/{name}/)</c>).</summary>
    public string? KeyVaultSecret { get; init; }

    public SettingPlace Place { get; init; } = SettingPlace.Everywhere;

    /// <summary>Why a setting is not <see cref="SettingPlace.Everywhere"/>.</summary>
    public string? PlaceReason { get; init; }

    public SettingReader ReadBy { get; init; } = SettingReader.Reassess;

    public bool InAzure => Place is SettingPlace.Everywhere or SettingPlace.AzureOnly;

    public bool InLocalSettings => Place is SettingPlace.Everywhere or SettingPlace.LocalOnly;

    /// <summary>What <c>local.settings.example.json</c> "Values" holds for it.</summary>
    public string ExampleValue => LocalValue ?? Default ?? "";
}

/// <summary>
/// The one list of every app setting Reassess reads (and of the platform settings its deployment sets), with its
/// default, its description and whether it is a secret. <c>infra/modules/functionapp.bicep</c> and
/// <c>local.settings.example.json</c> are written from it, and <c>tests/Reassess.Contract.Tests</c> fails when either
/// one, or the code that binds the settings, disagrees with it. Settings that belong on one side only say so
/// (<see cref="AppSetting.Place"/>) and why.
/// </summary>
public static class SettingsCatalog
{
    private const string Reassess = PipelineSettings.Section + "__";
    private const string StorageSection = StorageSettings.Keys.Section + "__";

    public static readonly AppSetting Storage = new(StorageSettings.Keys.Connection,
        "Storage connection string. UseDevelopmentStorage=true (or nothing at all) locally: the host starts Azurite itself when nothing listens on 127.0.0.1:10000/10002. Not set in Azure, where storage is identity-based (the AzureWebJobsStorage__* settings).")
    {
        LocalValue = "UseDevelopmentStorage=true",
        ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost,
        Place = SettingPlace.LocalOnly,
        PlaceReason = "A connection string carries an account key, and the account refuses shared keys; Azure uses the identity-based AzureWebJobsStorage__* settings, which Reassess reads when this one is empty.",
    };

    public static readonly AppSetting BlobServiceUri = new(StorageSettings.Keys.BlobServiceUri,
        "Identity-based storage: https://<account>.blob.core.windows.net (used when AzureWebJobsStorage is empty).")
    { ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost };

    public static readonly AppSetting TableServiceUri = new(StorageSettings.Keys.TableServiceUri,
        "Identity-based storage: https://<account>.table.core.windows.net.")
    { ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost };

    public static readonly AppSetting QueueServiceUri = new("AzureWebJobsStorage__queueServiceUri",
        "Identity-based storage: https://<account>.queue.core.windows.net. Read by the Azure Functions host only; Reassess uses no queues.")
    { ReadBy = SettingReader.FunctionsHost };

    public static readonly AppSetting Credential = new(StorageSettings.Keys.Credential,
        "managedidentity to use a managed identity (Azure); empty for DefaultAzureCredential (az login, environment).")
    { ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost };

    public static readonly AppSetting ClientId = new(StorageSettings.Keys.ClientId,
        "Client id of the user-assigned managed identity (Azure); empty for the system-assigned one.")
    { ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost };

    public static readonly AppSetting HostId = new(WebJobsHosts.HostIdSetting,
        "Host id keeping this app's timer locks and status apart in the azure-webjobs-hosts container (1-32 lower-case letters, digits, single dashes). Empty: reassess for the self-host; Azure derives one from the app name, and the deployment sets it to that name so both agree.")
    {
        Default = "reassess",
        LocalValue = "",
        ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost,
    };

    public static readonly AppSetting WorkerRuntime = new("FUNCTIONS_WORKER_RUNTIME",
        "Azure Functions worker model for func start; always dotnet-isolated.")
    {
        LocalValue = "dotnet-isolated",
        ReadBy = SettingReader.FunctionsHost,
        Place = SettingPlace.LocalOnly,
        PlaceReason = "Flex Consumption takes the runtime from functionAppConfig.runtime (dotnet-isolated 10.0) and rejects this app setting.",
    };

    public static readonly AppSetting AppInsightsConnection = new("APPLICATIONINSIGHTS_CONNECTION_STRING",
        "Application Insights that the Functions host's and the app's OpenTelemetry traces, logs and metrics go to, sent with the managed identity. Unset: nothing is exported.")
    {
        ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost,
        Place = SettingPlace.AzureOnly,
        PlaceReason = "Telemetry goes to Application Insights in Azure only; local runs log to the console.",
    };

    public static readonly AppSetting AppInsightsAuthentication = new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "Authorization=AAD;ClientId=<identity client id>: telemetry authenticated with the managed identity, as Application Insights has local auth off.")
    {
        ReadBy = SettingReader.FunctionsHost,
        Place = SettingPlace.AzureOnly,
        PlaceReason = "Goes with APPLICATIONINSIGHTS_CONNECTION_STRING, which local runs do not set.",
    };

    public static readonly AppSetting AzureClientId = new("AZURE_CLIENT_ID",
        "Client id of the user-assigned managed identity that DefaultAzureCredential uses (the azure-monitor usage pulls).")
    {
        ReadBy = SettingReader.AzureIdentity,
        Place = SettingPlace.AzureOnly,
        PlaceReason = "Locally DefaultAzureCredential uses the developer's az login, which needs no client id.",
    };

    public static readonly AppSetting WorkloadsPath = new(Reassess + "WorkloadsPath",
        "Workloads file (JSON array or { workloads: [...] }), relative to the working folder (in Azure, the deployed app folder).")
    { Default = "samples/workloads.json" };

    public static readonly AppSetting PriceSources = new(Reassess + "PriceSources",
        "Price sheets as format=path-or-url;...; formats: genai-prices, litellm, azure-retail, openrouter, overrides. The overrides sheet wins over every other source.")
    { Default = "genai-prices=samples/prices/genai_prices_v2.json;overrides=samples/prices/overrides.csv" };

    public static readonly AppSetting PriceAliases = new(Reassess + "PriceAliases",
        "The company's price alias table (CSV alias,key: model names as sources spell them, mapped to price keys); empty for none. A missing file at the default path is no error.")
    { Default = PipelineSettings.DefaultPriceAliasesPath };

    public static readonly AppSetting UsageSources = new(Reassess + "UsageSources",
        "Usage as format=path-or-url;...: drops (a file or a folder of .csv/.json) csv, evals, focus; provider APIs by URL openai, openai-costs, anthropic, anthropic-costs, azure-monitor (https://management.azure.com/<Azure OpenAI resource id>).")
    { Default = "csv=samples/usage-drops/usage;evals=samples/usage-drops/evals" };

    public static readonly AppSetting WindowDays = new(Reassess + "WindowDays",
        "Full UTC days of usage before the assessment instant (1-366).")
    { Default = "28" };

    public static readonly AppSetting TeamsPath = new(Reassess + "TeamsPath",
        "Teams file (JSON: each team's channels in Teams, Slack, a webhook or e-mail, the finance channels and the SMTP server), relative to the working folder; see samples/teams.json. Empty: no messages are sent.")
    { Default = "" };

    public static readonly AppSetting SmtpPassword = new(Delivery.SmtpSettings.DefaultPasswordSetting,
        "Password of the teams file's smtp.userName, unless its smtp.passwordSetting names another setting. Read from configuration: in Azure a Key Vault reference (secret smtp-password); locally in local.settings.json (git ignores it) or your shell. Never commit a value.")
    { IsSecret = true, KeyVaultSecret = "smtp-password" };

    public static readonly AppSetting OpenAiAdminKey = new(Reassess + "OpenAiAdminKey",
        "OpenAI admin key for the openai and openai-costs usage URLs. Read from configuration: in Azure a Key Vault reference (secret openai-admin-key); locally in local.settings.json (git ignores it) or your shell. Never commit a value.")
    { IsSecret = true, KeyVaultSecret = "openai-admin-key" };

    public static readonly AppSetting AnthropicAdminKey = new(Reassess + "AnthropicAdminKey",
        "Anthropic admin key for the anthropic and anthropic-costs usage URLs. Read from configuration: in Azure a Key Vault reference (secret anthropic-admin-key); locally in local.settings.json (git ignores it) or your shell. Never commit a value.")
    { IsSecret = true, KeyVaultSecret = "anthropic-admin-key" };

    public static readonly AppSetting OpenAiAdminKeyFallback = new("OPENAI_ADMIN_KEY",
        "The OpenAI admin key under its usual shell name, read when Reassess__OpenAiAdminKey is not set.")
    {
        IsSecret = true,
        Place = SettingPlace.EnvironmentOnly,
        PlaceReason = "A fallback read from a developer's shell environment; deployments and settings files use Reassess__OpenAiAdminKey.",
    };

    public static readonly AppSetting AnthropicAdminKeyFallback = new("ANTHROPIC_ADMIN_KEY",
        "The Anthropic admin key under its usual shell name, read when Reassess__AnthropicAdminKey is not set.")
    {
        IsSecret = true,
        Place = SettingPlace.EnvironmentOnly,
        PlaceReason = "A fallback read from a developer's shell environment; deployments and settings files use Reassess__AnthropicAdminKey.",
    };

    public static readonly AppSetting FunctionKeys = new(Reassess + "FunctionKeys",
        "Function keys reassess serve accepts (x-functions-key header or ?code=), name=key or key, separated by ';', each at least 32 characters (openssl rand -base64 32 makes one). Empty: serve prints a key generated for the run.")
    {
        IsSecret = true,
        Place = SettingPlace.LocalOnly,
        PlaceReason = "In Azure the Functions host checks function keys itself (az functionapp keys set); this list is for the self-host.",
    };

    public static readonly AppSetting MaxRequestBodyBytes = new(Reassess + "MaxRequestBodyBytes",
        "Largest HTTP request body accepted, in bytes (1024-67108864); larger bodies get 413.")
    { Default = "1048576" };

    public static readonly AppSetting ReassessWaitSeconds = new(Reassess + "ReassessWaitSeconds",
        "Seconds POST /api/reassess waits for a running reassessment (timer or HTTP) before answering 409 (0-3600).")
    { Default = "30" };

    public static readonly AppSetting ApiStorageTimeoutSeconds = new(Reassess + "ApiStorageTimeoutSeconds",
        "Seconds an HTTP API request waits for storage before answering 503 with Retry-After (1-300); jobs keep their own, longer retries.")
    { Default = "5" };

    public static readonly AppSetting Scheduler = new(Reassess + "Scheduler",
        "off: reassess serve answers HTTP without running the timers.")
    {
        Default = "on",
        Place = SettingPlace.LocalOnly,
        PlaceReason = "Azure Functions runs the timers itself; this switch belongs to the self-host.",
    };

    public static readonly AppSetting Urls = new("ASPNETCORE_URLS",
        "Addresses reassess serve listens on (also --urls, or urls in configuration); default http://127.0.0.1:7071.")
    {
        Default = "http://127.0.0.1:7071",
        ReadBy = SettingReader.AspNetCore,
        Place = SettingPlace.EnvironmentOnly,
        PlaceReason = "ASP.NET Core's own hosting setting for the self-host, given with --urls or in the shell; Azure Functions listens where the platform says.",
    };

    /// <summary>The schedule setting of each catalog timer (NCRONTAB, UTC), with its default.</summary>
    public static IReadOnlyList<AppSetting> Schedules { get; } = JobTimers.All
        .Select(t => new AppSetting(t.ScheduleSetting, $"NCRONTAB schedule (UTC, 'second minute hour day month day-of-week') of {t.Name}.")
        {
            Default = t.DefaultSchedule,
            ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost,
        })
        .ToList();

    /// <summary>Azure's per-function off switch (<c>AzureWebJobs.{Name}.Disabled</c>), which the self-host honours too.</summary>
    public static IReadOnlyList<AppSetting> TimerSwitches { get; } = JobTimers.All
        .Select(t => new AppSetting($"AzureWebJobs.{t.Name}.Disabled", $"true stops the {t.Name} timer (HTTP runs still work).")
        {
            Default = "false",
            ReadBy = SettingReader.Reassess | SettingReader.FunctionsHost,
        })
        .ToList();

    /// <summary>Table and container names (docs/architecture.md, Storage) and the prefix put in front of them.</summary>
    public static IReadOnlyList<AppSetting> StorageNames { get; } = StorageNameSettings();

    /// <summary>Every setting, in the order <c>local.settings.example.json</c> lists them.</summary>
    public static IReadOnlyList<AppSetting> All { get; } =
    [
        Storage, BlobServiceUri, TableServiceUri, QueueServiceUri, Credential, ClientId, HostId,
        WorkerRuntime, AppInsightsConnection, AppInsightsAuthentication, AzureClientId,
        WorkloadsPath, PriceSources, PriceAliases, UsageSources, WindowDays, TeamsPath, SmtpPassword,
        OpenAiAdminKey, AnthropicAdminKey, OpenAiAdminKeyFallback, AnthropicAdminKeyFallback,
        FunctionKeys, MaxRequestBodyBytes, ReassessWaitSeconds, ApiStorageTimeoutSeconds, Scheduler, Urls,
        .. Schedules, .. TimerSwitches, .. StorageNames,
    ];

    /// <summary>The setting named <paramref name="name"/> (exact spelling), or null.</summary>
    public static AppSetting? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static List<AppSetting> StorageNameSettings()
    {
        var defaults = new StorageSettings();
        var settings = new List<AppSetting>
        {
            new(StorageSection + nameof(StorageSettings.NamePrefix),
                "Letters/digits put in front of every table and container name, to share one account between environments.")
            { Default = defaults.NamePrefix },
        };
        foreach (var (property, value) in new (string, string)[]
                 {
                     (nameof(StorageSettings.WorkloadsTable), defaults.WorkloadsTable),
                     (nameof(StorageSettings.PricesTable), defaults.PricesTable),
                     (nameof(StorageSettings.UsageDailyTable), defaults.UsageDailyTable),
                     (nameof(StorageSettings.EvalsTable), defaults.EvalsTable),
                     (nameof(StorageSettings.AssessmentsTable), defaults.AssessmentsTable),
                     (nameof(StorageSettings.CostTrendsTable), defaults.CostTrendsTable),
                     (nameof(StorageSettings.RunsTable), defaults.RunsTable),
                     (nameof(StorageSettings.DeliveriesTable), defaults.DeliveriesTable),
                     (nameof(StorageSettings.DecisionsTable), defaults.DecisionsTable),
                 })
            settings.Add(new(StorageSection + property, $"Name of the {value} table (before the prefix).") { Default = value });
        foreach (var (property, value) in new (string, string)[]
                 {
                     (nameof(StorageSettings.PriceSheetsContainer), defaults.PriceSheetsContainer),
                     (nameof(StorageSettings.UsageDropsContainer), defaults.UsageDropsContainer),
                     (nameof(StorageSettings.ReportsContainer), defaults.ReportsContainer),
                 })
            settings.Add(new(StorageSection + property, $"Name of the {value} blob container (before the prefix).") { Default = value });
        return settings;
    }
}
