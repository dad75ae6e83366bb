// The Flex Consumption plan (FC1, Linux) and the Function App: .NET 10 isolated worker, deployed from a blob container
// with the app's user-assigned identity, and every app setting Reassess reads (the catalog in
// shared/Reassess.Hosting/Settings/SettingsCatalog.cs; tests/Reassess.Contract.Tests checks the two agree).
// No value below is a secret: storage is reached by identity, telemetry by identity, and the usage-API keys are
// Key Vault references resolved by the platform with the same identity.

param name string
param planName string
param location string
param tags object = {}

@description('Resource id of the app\'s user-assigned managed identity.')
param identityId string

@description('Client id of that identity (AzureWebJobsStorage__clientId, AZURE_CLIENT_ID, telemetry).')
param identityClientId string

@description('Blob, table and queue endpoints of the storage account (https://<account>.blob.core.windows.net/ …).')
param blobEndpoint string
param tableEndpoint string
param queueEndpoint string

@description('URL of the blob container the deployment package is uploaded to.')
param deploymentContainerUrl string

param applicationInsightsConnectionString string

@description('https://<vault>.vault.azure.net/ holding the usage-API keys.')
param keyVaultUri string

@description('Host id shared by the Functions host and Reassess\'s job leases: 1-32 lower-case letters, digits, single dashes.')
@maxLength(32)
param hostId string

@description('Reassess__* pipeline and API settings: workloadsPath, priceSources, priceAliases, usageSources, windowDays, teamsPath, maxRequestBodyBytes, reassessWaitSeconds, apiStorageTimeoutSeconds.')
param reassess object

@description('NCRONTAB (UTC) schedules by setting name; a missing one takes the default below.')
param schedules object = {}

@description('Timer functions to switch off (AzureWebJobs.<name>.Disabled), e.g. [\'IngestUsage\'].')
param disabledTimers array = []

@description('Storage__* overrides: NamePrefix and table/container names; missing ones take the defaults below.')
param storageNames object = {}

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Every app setting, one per line (the contract test reads the names from this block).
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Storage by identity (AzureWebJobsStorage itself is not set: a connection string would carry a key).
    AzureWebJobsStorage__blobServiceUri: blobEndpoint
    AzureWebJobsStorage__tableServiceUri: tableEndpoint
    AzureWebJobsStorage__queueServiceUri: queueEndpoint
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureFunctionsWebHost__hostid: hostId
    // Telemetry by identity (Monitoring Metrics Publisher on Application Insights).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
    // DefaultAzureCredential (Azure Monitor usage pulls) picks the user-assigned identity by this.
    AZURE_CLIENT_ID: identityClientId
    // The pipeline.
    Reassess__WorkloadsPath: reassess.workloadsPath
    Reassess__PriceSources: reassess.priceSources
    Reassess__PriceAliases: reassess.priceAliases
    Reassess__UsageSources: reassess.usageSources
    Reassess__WindowDays: string(reassess.windowDays)
    // Deliveries: the teams file names each webhook URL by setting; those settings are Key Vault references added per team.
    Reassess__TeamsPath: reassess.teamsPath
    Reassess__SmtpPassword: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/smtp-password/)'
    // Usage-API admin keys: versionless Key Vault references (a new secret version is picked up without a deployment).
    Reassess__OpenAiAdminKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/openai-admin-key/)'
    Reassess__AnthropicAdminKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/anthropic-admin-key/)'
    // The HTTP API (function keys are the Functions host's own: az functionapp keys set).
    Reassess__MaxRequestBodyBytes: string(reassess.maxRequestBodyBytes)
    Reassess__ReassessWaitSeconds: string(reassess.reassessWaitSeconds)
    Reassess__ApiStorageTimeoutSeconds: string(reassess.apiStorageTimeoutSeconds)
    // Timers (NCRONTAB, UTC) and their off switches.
    PriceRefreshSchedule: schedules.?PriceRefreshSchedule ?? '0 0 5 * * *'
    UsageIngestSchedule: schedules.?UsageIngestSchedule ?? '0 30 * * * *'
    ReassessSchedule: schedules.?ReassessSchedule ?? '0 0 6 * * 1'
    ReportSchedule: schedules.?ReportSchedule ?? '0 0 7 * * 1'
    DeliverySchedule: schedules.?DeliverySchedule ?? '0 30 7 * * 1'
    'AzureWebJobs.RefreshPrices.Disabled': contains(disabledTimers, 'RefreshPrices') ? 'true' : 'false'
    'AzureWebJobs.IngestUsage.Disabled': contains(disabledTimers, 'IngestUsage') ? 'true' : 'false'
    'AzureWebJobs.ReassessWorkloads.Disabled': contains(disabledTimers, 'ReassessWorkloads') ? 'true' : 'false'
    'AzureWebJobs.PublishWeeklyReport.Disabled': contains(disabledTimers, 'PublishWeeklyReport') ? 'true' : 'false'
    'AzureWebJobs.DeliverWeeklyReport.Disabled': contains(disabledTimers, 'DeliverWeeklyReport') ? 'true' : 'false'
    // Table and container names (docs/architecture.md, Storage).
    Storage__NamePrefix: storageNames.?NamePrefix ?? ''
    Storage__WorkloadsTable: storageNames.?WorkloadsTable ?? 'Workloads'
    Storage__PricesTable: storageNames.?PricesTable ?? 'Prices'
    Storage__UsageDailyTable: storageNames.?UsageDailyTable ?? 'UsageDaily'
    Storage__EvalsTable: storageNames.?EvalsTable ?? 'Evals'
    Storage__AssessmentsTable: storageNames.?AssessmentsTable ?? 'Assessments'
    Storage__CostTrendsTable: storageNames.?CostTrendsTable ?? 'CostTrends'
    Storage__RunsTable: storageNames.?RunsTable ?? 'Runs'
    Storage__DeliveriesTable: storageNames.?DeliveriesTable ?? 'Deliveries'
    Storage__DecisionsTable: storageNames.?DecisionsTable ?? 'Decisions'
    Storage__PriceSheetsContainer: storageNames.?PriceSheetsContainer ?? 'price-sheets'
    Storage__UsageDropsContainer: storageNames.?UsageDropsContainer ?? 'usage-drops'
    Storage__ReportsContainer: storageNames.?ReportsContainer ?? 'reports'
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
