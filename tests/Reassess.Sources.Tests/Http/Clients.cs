using Microsoft.Extensions.DependencyInjection;
using Reassess.Sources.Http;

namespace Reassess.Sources.Tests.Http;

/// <summary>An <see cref="IHttpClientFactory"/> as the hosts build it, and pullers with short waits for tests.</summary>
public static class Clients
{
    public static IHttpClientFactory Factory { get; } =
        new ServiceCollection().AddHttpPullerClient().Services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    public static HttpPullOptions Quick { get; } = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        MaxAttempts = 3,
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
    };

    public static HttpPuller Puller(HttpPullOptions? options = null) => new(Factory, TimeProvider.System, options ?? Quick, jitter: () => 0.5);
}
