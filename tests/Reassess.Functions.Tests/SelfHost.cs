using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Reassess.Functions.Tests;

/// <summary>
/// The self-host (<c>reassess serve</c>, timers off) over the same kind of settings a worker gets, on a test clock,
/// for comparing what the two hosts do with the same input.
/// </summary>
/// <param name="services">Registered after the app's own services, so what it registers wins (storage that is down).</param>
public sealed class SelfHost(
    IReadOnlyDictionary<string, string?> settings, TimeProvider clock, string functionKey, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseSetting("Reassess:FunctionKeys", functionKey);
        builder.ConfigureServices(collection =>
        {
            collection.AddSingleton(clock);
            services?.Invoke(collection);
        });
    }

    /// <summary>One exchange of a parity table sent to the self-host over HTTP, reduced to what the table compares.</summary>
    public static async Task<HttpAnswer> SendAsync(HttpClient client, HttpExchange exchange)
    {
        using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), "/api/" + exchange.Target);
        if (exchange.Body is not null)
        {
            request.Content = new StringContent(exchange.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return HttpAnswer.Of((int)response.StatusCode, h => Header(response, h), body);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
