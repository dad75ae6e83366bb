using Microsoft.Extensions.DependencyInjection;

namespace Reassess.Sources.Http;

public static class HttpPullerServices
{
    /// <summary>
    /// The named client <see cref="HttpPuller"/> asks for, its primary handler not following redirects: the puller follows
    /// them itself, keeping credentials to their origin. Chain further configuration (a proxy) onto the builder returned;
    /// a primary handler replaced later must be built with <c>AllowAutoRedirect = false</c> too, or credentialed pulls are refused.
    /// </summary>
    public static IHttpClientBuilder AddHttpPullerClient(this IServiceCollection services) =>
        services.AddHttpClient(HttpPuller.ClientName).ConfigurePrimaryHttpMessageHandler((handler, _) => AutoRedirects.TurnOff(handler));
}
