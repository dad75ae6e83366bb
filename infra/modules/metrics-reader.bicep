// Reader on one Azure OpenAI (Cognitive Services) account whose Azure Monitor metrics the app pulls
// (azure-monitor usage source). Deployed at the account's own resource group, which may be in another subscription.

@description('Name of the Azure OpenAI account, in this module\'s resource group.')
param accountName string

@description('Principal (object) id of the app\'s user-assigned managed identity.')
param identityPrincipalId string

var readerRoleId = 'acdd72a7-3d48-4f5b-84c7-3a2d4aa85d6f'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: accountName
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identityPrincipalId, readerRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoleId)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}
