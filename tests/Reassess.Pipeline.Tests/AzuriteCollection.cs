using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

/// <summary>All pipeline tests share one real Azurite; each test gets its own tables and containers.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
