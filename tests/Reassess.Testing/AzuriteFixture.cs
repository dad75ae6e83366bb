using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Reassess.Testing;

/// <summary>
/// One in-memory Azurite on free ports for a whole test assembly (starting it costs a second or two; a test costs
/// milliseconds). Each test asks for its own <see cref="StorageSettings"/>, whose name prefix gives it private tables
/// and containers, so tests run in any order and never see each other's rows.
/// <para>
/// xunit wants collection definitions in the test assembly itself, so each assembly using this declares:
/// <c>[CollectionDefinition(AzuriteFixture.Collection)] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// and marks its storage test classes <c>[Collection(AzuriteFixture.Collection)]</c>.
/// </para>
/// </summary>
public sealed class AzuriteFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string Collection = "azurite";

    private AzuriteInstance? _azurite;

    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() =>
        _azurite = await AzuriteLauncher.StartAsync(new AzuriteOptions(), Say).ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Settings pointing at this Azurite with a name prefix no other test uses.</summary>
    public StorageSettings NewSettings() =>
        Azurite.Settings().WithNamePrefix("t" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>An account with its own tables and containers, already created.</summary>
    public async Task<StorageAccount> NewAccountAsync()
    {
        var account = new StorageAccount(NewSettings());
        await account.EnsureCreatedAsync().ConfigureAwait(false);
        return account;
    }

    private void Say(string message)
    {
        diagnostics.OnMessage(new DiagnosticMessage("[azurite] " + message));
        Console.Error.WriteLine("[azurite] " + message);
    }
}
