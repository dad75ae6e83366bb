// The app's one identity: a user-assigned managed identity, so roles can be granted before the app exists and survive
// re-creating it. The Function App, its deployment from blob storage, storage access, Key Vault references, telemetry
// and Azure Monitor reads all use it.

@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
