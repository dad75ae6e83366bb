using Reassess.Testing;

namespace Reassess.Host.Tests;

/// <summary>All self-host tests share one real Azurite; each test gets its own tables and containers.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
