namespace Reassess.Testing.Http;

/// <summary>
/// An <see cref="IHttpClientFactory"/> for tests that build a job or a client without a service container: every client
/// shares one handler, so connections are pooled, and disposing a client leaves the handler alone.
/// </summary>
public sealed class SharedHandlerClients(HttpMessageHandler? handler = null) : IHttpClientFactory, IDisposable
{
    private readonly HttpMessageHandler _handler = handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>One for the whole test run: never disposed.</summary>
    public static SharedHandlerClients Shared { get; } = new();

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);

    public void Dispose() => _handler.Dispose();
}
