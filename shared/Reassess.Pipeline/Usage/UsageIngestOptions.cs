using Azure.Core;
using Azure.Identity;
using Reassess.Sources.Http;
using Reassess.Sources.Usage.Api;

namespace Reassess.Pipeline.Usage;

/// <summary>
/// What pulling usage APIs needs beyond <see cref="PipelineSettings"/>: admin keys (from the environment, never from
/// committed settings), a bearer token for Azure Monitor (managed identity or developer login through
/// <c>Azure.Identity</c>), the HTTP clients, and how far back to pull.
/// </summary>
public sealed record UsageIngestOptions
{
    // One credential for the process: it caches its token and refreshes it before it expires.
    private static readonly Lazy<TokenCredential> DefaultCredential = new(() => new DefaultAzureCredential());

    /// <summary>Read from <c>Reassess__OpenAiAdminKey</c>, else <c>OPENAI_ADMIN_KEY</c>.</summary>
    public string? OpenAiAdminKey { get; init; }

    /// <summary>Read from <c>Reassess__AnthropicAdminKey</c>, else <c>ANTHROPIC_ADMIN_KEY</c>.</summary>
    public string? AnthropicAdminKey { get; init; }

    /// <summary>Where Azure Monitor's bearer token comes from; <see cref="DefaultAzureCredential"/> when not set.</summary>
    public TokenCredential? AzureCredential { get; init; }

    /// <summary>Days pulled back from now (today, partial, included): the window plus a week, so late corrections land.</summary>
    public int PullDays { get; init; } = 35;

    public IHttpClientFactory? HttpClients { get; init; }

    public HttpPullOptions? Http { get; init; }

    public static UsageIngestOptions FromEnvironment() => new()
    {
        OpenAiAdminKey = Setting("Reassess__OpenAiAdminKey") ?? Setting("OPENAI_ADMIN_KEY"),
        AnthropicAdminKey = Setting("Reassess__AnthropicAdminKey") ?? Setting("ANTHROPIC_ADMIN_KEY"),
    };

    /// <summary>The token for Azure Monitor's REST API, asked of the credential each pull (it caches and refreshes).</summary>
    public Func<CancellationToken, ValueTask<string>> AzureBearerToken()
    {
        var credential = AzureCredential ?? DefaultCredential.Value;
        return async ct => (await credential.GetTokenAsync(new TokenRequestContext([AzureMonitorUsageApi.Scope]), ct).ConfigureAwait(false)).Token;
    }

    private static string? Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
