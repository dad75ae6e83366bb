namespace Reassess.Sources.Http;

/// <summary>
/// Whether an HTTP handler follows redirects by itself. One that does re-sends every header but <c>Authorization</c>
/// (an <c>x-api-key</c>, say) to wherever a redirect points before anyone sees the redirect, so the pullers' client must
/// not (<see cref="TurnOff"/>, as <see cref="HttpPullerServices.AddHttpPullerClient"/> does), and
/// <see cref="HttpPuller"/> sends no configured header through a client that does (<see cref="AreOn(IHttpClientFactory, string)"/>).
/// </summary>
public static class AutoRedirects
{
    /// <summary>Stops <paramref name="primary"/> following redirects; a handler of another kind is left as it is.</summary>
    public static void TurnOff(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    /// <summary>
    /// True when the factory's handler for <paramref name="name"/> is seen to follow redirects. Only a factory that also
    /// hands out handlers (<see cref="IHttpMessageHandlerFactory"/>, as the framework's does) can be looked into, and only
    /// the framework's own primary handlers are known to follow; anything else counts as not following.
    /// </summary>
    public static bool AreOn(IHttpClientFactory clients, string name) =>
        clients is IHttpMessageHandlerFactory handlers && AreOn(handlers.CreateHandler(name));

    private static bool AreOn(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler { InnerHandler: { } inner }) handler = inner;
        return handler switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => false,
        };
    }
}
