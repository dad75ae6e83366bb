using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Pipeline;
using Reassess.Pipeline.Prices;
using Reassess.Pipeline.Usage;
using Reassess.Sources.Http;
using Reassess.Storage.Configuration;
using Reassess.Testing.Http;

namespace Reassess.Testing;

/// <summary>
/// A pipeline context for tests that run jobs without a host: what the hosts' service container gives (HTTP clients,
/// options) made by hand, with no admin keys and a credential that refuses, so nothing reaches a real service.
/// </summary>
public static class TestPipeline
{
    /// <summary>Refuses every token request: a test that needs Azure Monitor gives its own bearer token.</summary>
    public static TokenCredential NoAzureCredential { get; } = DelegatedTokenCredential.Create(
        (_, _) => throw new InvalidOperationException("Tests have no Azure credential."));

    public static PriceRefreshOptions PriceRefresh(HttpPullOptions? http = null) =>
        new() { HttpClients = SharedHandlerClients.Shared, Http = http };

    public static UsageIngestOptions UsageIngest(HttpPullOptions? http = null) =>
        new() { HttpClients = SharedHandlerClients.Shared, AzureCredential = NoAzureCredential, Http = http };

    public static PipelineContext Context(
        StorageAccount account, PipelineSettings settings, TimeProvider? clock = null,
        PriceRefreshOptions? priceRefresh = null, UsageIngestOptions? usageIngest = null, ILogger? logger = null) =>
        new(account, settings, priceRefresh ?? PriceRefresh(), usageIngest ?? UsageIngest(), clock ?? TimeProvider.System, logger ?? NullLogger.Instance);
}
