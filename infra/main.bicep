// Reassess on Azure: a Flex Consumption Function App with identity-based storage, no secret anywhere in the template.
//
// Subscription scope, as `azd up` expects by default: the template creates its own resource group
// (rg-<environmentName> unless resourceGroupName is given) and everything in it. Deploy with `azd up`, or with
// `az deployment sub create --location <region> --template-file infra/main.bicep --parameters environmentName=<name>
// location=<region>` followed by `func azure functionapp publish <app>` (README "Deploy to Azure").
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Environment name (azd: AZURE_ENV_NAME); names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group to create or reuse; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person or pipeline deploying (azd: AZURE_PRINCIPAL_ID): granted Key Vault Secrets Officer (to put the usage-API keys) and Storage Blob Data Reader (to read reports). Empty grants nothing.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Reassess__PriceSources: format=url entries separated by \';\'. Empty takes the public sheets below.')
param priceSources string = ''

@description('Reassess__PriceAliases: the company\'s price alias table (alias,key CSV) in the deployed app folder; empty for none.')
param priceAliases string = ''

@description('Reassess__UsageSources: format=url entries separated by \';\' (openai=https://api.openai.com, anthropic=https://api.anthropic.com, …). One azure-monitor entry per account in azureOpenAiAccountIds is added.')
param usageSources string = ''

@description('Resource ids of Azure OpenAI accounts whose metrics are read, separated by \';\' or \',\': each gets Reader for the app\'s identity and an azure-monitor usage source.')
param azureOpenAiAccountIds string = ''

@description('Reassess__WorkloadsPath: the workloads file, relative to the deployed app folder.')
param workloadsPath string = 'samples/workloads.json'

@description('Reassess__TeamsPath: the teams file (where each team\'s messages go), relative to the deployed app folder; empty sends none.')
param teamsPath string = ''

@minValue(1)
@maxValue(366)
@description('Reassess__WindowDays: full UTC days of usage before the assessment instant.')
param windowDays int = 28

@description('Reassess__MaxRequestBodyBytes: largest HTTP request body accepted.')
param maxRequestBodyBytes int = 1048576

@description('Reassess__ReassessWaitSeconds: how long POST /api/reassess waits for a running reassessment before 409.')
param reassessWaitSeconds int = 30

@description('Reassess__ApiStorageTimeoutSeconds: how long an HTTP API request waits for storage before 503.')
param apiStorageTimeoutSeconds int = 5

@description('NCRONTAB (UTC) schedules by setting name (PriceRefreshSchedule, UsageIngestSchedule, ReassessSchedule, ReportSchedule, DeliverySchedule); missing ones take the defaults.')
param schedules object = {}

@description('Timer functions to switch off, e.g. [\'IngestUsage\'].')
param disabledTimers array = []

@description('Storage__* overrides (NamePrefix, <X>Table, <X>Container); missing ones take the defaults.')
param storageNames object = {}

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

// The public price sheets pulled when priceSources is empty (docs/operations.md). The company overrides sheet is added by
// whoever has one: overrides=https://…/overrides.csv.
var defaultPriceSources = join([
  'genai-prices=https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json'
  'litellm=https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json'
  'azure-retail=https://prices.azure.com/api/retail/prices'
  'openrouter=https://openrouter.ai/api/v1/models'
], ';')

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName, application: 'reassess' }
var functionAppName = 'func-reassess-${token}'
var openAiAccounts = filter(split(replace(azureOpenAiAccountIds, ',', ';'), ';'), id => !empty(trim(id)))
var azureMonitorSources = map(openAiAccounts, id => 'azure-monitor=${environment().resourceManager}${substring(trim(id), 1)}')
var allUsageSources = join(filter(concat([usageSources], azureMonitorSources), s => !empty(s)), ';')

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-reassess-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-reassess-${token}'
    applicationInsightsName: 'appi-reassess-${token}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'streassess${take(token, 13)}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-reassess-${take(token, 12)}'
    location: location
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    identityPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module metricsReaders 'modules/metrics-reader.bicep' = [for (id, i) in openAiAccounts: {
  name: 'metrics-reader-${i}'
  scope: resourceGroup(split(trim(id), '/')[2], split(trim(id), '/')[4])
  params: {
    accountName: last(split(trim(id), '/'))
    identityPrincipalId: identity.outputs.principalId
  }
}]

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-reassess-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    hostId: take(functionAppName, 32)
    reassess: {
      workloadsPath: workloadsPath
      priceSources: !empty(priceSources) ? priceSources : defaultPriceSources
      priceAliases: priceAliases
      usageSources: allUsageSources
      windowDays: windowDays
      teamsPath: teamsPath
      maxRequestBodyBytes: maxRequestBodyBytes
      reassessWaitSeconds: reassessWaitSeconds
      apiStorageTimeoutSeconds: apiStorageTimeoutSeconds
    }
    schedules: schedules
    disabledTimers: disabledTimers
    storageNames: storageNames
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // The app reads storage and Key Vault with its identity from its first start.
  dependsOn: [
    roles
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
