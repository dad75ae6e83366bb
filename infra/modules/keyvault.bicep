// The Key Vault holding the usage-API admin keys (OpenAI, Anthropic). Access is by Azure RBAC only (no access
// policies); the template creates no secret: people put them in with `az keyvault secret set` (README "Deploy to
// Azure"), and the app settings hold versionless Key Vault references to them.

@minLength(3)
@maxLength(24)
param name string

param location string
param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output id string = vault.id
output name string = vault.name
// https://<name>.vault.azure.net/ (with the trailing slash)
output uri string = vault.properties.vaultUri
