using Reassess.Storage.Configuration;

namespace Reassess.Tools.Azurite;

/// <summary>
/// Makes the local run work with no setup: when no storage is configured, or <c>UseDevelopmentStorage=true</c> is
/// and nothing listens on Azurite's default ports, it starts Azurite on 10000-10002 with its data in
/// <c>{repo}/.azurite</c> (git-ignored) so it survives restarts. Anything else configured is used as it is.
/// </summary>
public static class EmbeddedStorage
{
    public const int BlobPort = 10000;
    public const int TablePort = 10002;

    public static async Task<ResolvedStorage> ResolveAsync(StorageSettings settings, Action<string> say, CancellationToken cancellationToken = default)
    {
        var wantsLocal = !settings.IsConfigured || settings.IsDevelopmentStorage;
        if (!wantsLocal) return new ResolvedStorage(settings, null);

        var blobUp = await AzuriteLauncher.AcceptsAsync(BlobPort, cancellationToken).ConfigureAwait(false);
        var tableUp = await AzuriteLauncher.AcceptsAsync(TablePort, cancellationToken).ConfigureAwait(false);
        if (blobUp && tableUp)
        {
            if (settings.IsConfigured) return new ResolvedStorage(settings, null);
            say($"No storage configured ({StorageSettings.Keys.Connection}); using the Azurite already listening on 127.0.0.1:{BlobPort}-{TablePort}.");
            return new ResolvedStorage(settings with { ConnectionString = "UseDevelopmentStorage=true" }, null);
        }

        if (blobUp || tableUp)
            throw new StorageConfigurationException(
                $"Port {(blobUp ? BlobPort : TablePort)} is in use but port {(blobUp ? TablePort : BlobPort)} is not, so this is not a working Azurite. " +
                $"Stop whatever holds the port, or set {StorageSettings.Keys.Connection} to the storage you want.");

        var root = RepositoryRoot.Find();
        var location = Path.Combine(root, ".azurite");
        say(settings.IsConfigured
            ? $"{StorageSettings.Keys.Connection} is UseDevelopmentStorage=true but nothing listens on 127.0.0.1:{BlobPort}; starting Azurite there (data in {location})."
            : $"No storage configured ({StorageSettings.Keys.Connection}); starting Azurite on 127.0.0.1:{BlobPort}-{TablePort} (data in {location}).");
        var azurite = await AzuriteLauncher.StartAsync(
            AzuriteOptions.DefaultPorts(location) with { RepositoryRoot = root }, say, cancellationToken).ConfigureAwait(false);
        return new ResolvedStorage(azurite.Settings(settings), azurite);
    }
}

/// <summary>The storage to use, and the Azurite started for it (if any), stopped on dispose.</summary>
public sealed record ResolvedStorage(StorageSettings Settings, AzuriteInstance? Azurite) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Azurite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
