using Microsoft.Extensions.DependencyInjection;
using Reassess.Sources.Http;

namespace Reassess.Pipeline.Delivery;

public static class DeliveryServices
{
    /// <summary>
    /// The named client <see cref="WebhookSender"/> asks for: its primary handler does not follow redirects (the body
    /// would go wherever one points), and the factory's request logging is off, because it writes each request's full
    /// URL, and a webhook URL is a secret.
    /// </summary>
    public static IHttpClientBuilder AddWebhookClient(this IServiceCollection services) =>
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler((handler, _) => AutoRedirects.TurnOff(handler))
            .RemoveAllLoggers();
}
