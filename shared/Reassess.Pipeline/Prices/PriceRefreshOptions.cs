using Reassess.Sources.Http;

namespace Reassess.Pipeline.Prices;

/// <summary>What pulling price sheets by URL needs beyond <see cref="PipelineSettings"/>: the HTTP clients and how to pull.</summary>
public sealed record PriceRefreshOptions
{
    /// <summary>The host's clients (<c>AddHttpClient</c>), so handlers are pooled and configured in one place.</summary>
    public required IHttpClientFactory HttpClients { get; init; }

    public HttpPullOptions? Http { get; init; }

    /// <summary>
    /// The clock HTTP timeouts and retry waits run on: the system clock unless given. Not the pipeline's clock, which
    /// stands for "when the job runs" and may be a test's clock that never moves on its own.
    /// </summary>
    public TimeProvider HttpClock { get; init; } = TimeProvider.System;
}
