using Reassess.Sources.Http;
using Reassess.Sources.Usage.Api;

namespace Reassess.Pipeline.Prices;

/// <summary>What pulling price sheets by URL needs beyond <see cref="PipelineSettings"/>: the HTTP clients and how to pull.</summary>
public sealed record PriceRefreshOptions
{
    private static readonly Lazy<IHttpClientFactory> SharedClients = new(() => new SharedHandlerClients());

    /// <summary>From the host's dependency injection when it has one; one pooled handler for the process otherwise.</summary>
    public IHttpClientFactory? HttpClients { get; init; }

    public HttpPullOptions? Http { get; init; }

    /// <summary>
    /// The clock HTTP timeouts and retry waits run on: the system clock unless given. Not the pipeline's clock, which
    /// stands for "when the job runs" and may be a test's clock that never moves on its own.
    /// </summary>
    public TimeProvider HttpClock { get; init; } = TimeProvider.System;

    public static PriceRefreshOptions Default { get; } = new();

    public IHttpClientFactory Clients => HttpClients ?? SharedClients.Value;
}
