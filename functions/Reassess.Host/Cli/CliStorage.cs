using Microsoft.Extensions.Configuration;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;

namespace Reassess.Host.Cli;

/// <summary>
/// The storage a CLI command works on, resolved the one way every command does it: the configured account
/// (<c>AzureWebJobsStorage</c> or identity-based), else the embedded Azurite (started if nothing listens), with every
/// table and container created. Dispose it to stop an Azurite it started.
/// </summary>
public sealed class CliStorage : IAsyncDisposable
{
    private readonly ResolvedStorage _resolved;

    private CliStorage(ResolvedStorage resolved, StorageAccount account) => (_resolved, Account) = (resolved, account);

    public StorageAccount Account { get; }

    /// <exception cref="StorageConfigurationException">The storage settings are wrong (the command exits with 2).</exception>
    public static async Task<CliStorage> OpenAsync(IConfiguration configuration, Action<string> say, CancellationToken cancellationToken)
    {
        var resolved = await EmbeddedStorage.ResolveAsync(StorageSettings.FromConfiguration(configuration), say, cancellationToken);
        try
        {
            var account = new StorageAccount(resolved.Settings);
            await account.EnsureCreatedAsync(cancellationToken);
            return new CliStorage(resolved, account);
        }
        catch
        {
            await resolved.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _resolved.DisposeAsync();
}
