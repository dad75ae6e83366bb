using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Reassess.Functions.Tests;

/// <summary>
/// The self-host (<c>reassess serve</c>, timers off) over the same kind of settings a worker gets, on a test clock,
/// for comparing what the two hosts do with the same input.
/// </summary>
public sealed class SelfHost(IReadOnlyDictionary<string, string?> settings, TimeProvider clock, string functionKey) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseSetting("Reassess:FunctionKeys", functionKey);
        builder.ConfigureServices(services => services.AddSingleton(clock));
    }
}
