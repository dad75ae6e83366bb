using Reassess.Testing;

namespace Reassess.Storage.Tests;

/// <summary>All storage tests share one Azurite per test run (see <see cref="AzuriteFixture"/>).</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
