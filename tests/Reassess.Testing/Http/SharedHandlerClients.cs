namespace Reassess.Testing.Http;

/// <summary>
/// An <see cref="IHttpClientFactory"/> for tests that build a job or a client without a service container: every client
/// shares one handler, so connections are pooled, and disposing a client leaves the handler alone. The default handler
/// does not follow redirects, as the hosts' does not (<c>AddHttpPullerClient</c>); the handler is handed out too, so the
/// puller can see whether one given here does.
/// </summary>
public sealed class SharedHandlerClients(HttpMessageHandler? handler = null) : IHttpClientFactory, IHttpMessageHandlerFactory, IDisposable
{
    private readonly HttpMessageHandler _handler = handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };

    /// <summary>One for the whole test run: never disposed.</summary>
    public static SharedHandlerClients Shared { get; } = new();

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);

    public HttpMessageHandler CreateHandler(string name) => _handler;

    public void Dispose() => _handler.Dispose();
}
