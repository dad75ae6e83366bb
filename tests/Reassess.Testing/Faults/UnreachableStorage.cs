using Reassess.Storage.Configuration;
using Reassess.Testing.Http;
using Reassess.Tools.Azurite;

namespace Reassess.Testing.Faults;

/// <summary>Storage that is not there: its endpoints are a loopback port nothing listens on, so every connection is refused.</summary>
public static class UnreachableStorage
{
    /// <summary><paramref name="basedOn"/> (same table and container names), or the default names, at a closed port.</summary>
    public static StorageSettings Settings(StorageSettings? basedOn = null)
    {
        var port = LoopbackPort.Unused();
        var account = AzuriteInstance.DevelopmentAccountName;
        return (basedOn ?? new StorageSettings()) with
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={AzuriteInstance.DevelopmentAccountKey};" +
                               $"BlobEndpoint=http://127.0.0.1:{port}/{account};TableEndpoint=http://127.0.0.1:{port}/{account};",
            BlobServiceUri = null, TableServiceUri = null, Credential = null, ClientId = null,
        };
    }
}
