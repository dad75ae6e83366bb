using Azure.Core;
using Microsoft.Extensions.Configuration;
using Reassess.Sources.Http;
using Reassess.Sources.Usage.Api;

namespace Reassess.Pipeline.Usage;

/// <summary>
/// What pulling usage APIs needs beyond <see cref="PipelineSettings"/>: admin keys, a bearer token for Azure Monitor
/// (managed identity or developer login through <c>Azure.Identity</c>), the HTTP clients, and how far back to pull.
/// </summary>
public sealed record UsageIngestOptions
{
    public const string OpenAiAdminKeySetting = PipelineSettings.Section + "__OpenAiAdminKey";
    public const string AnthropicAdminKeySetting = PipelineSettings.Section + "__AnthropicAdminKey";

    /// <summary>The names the keys go by in a developer's shell, read when the <c>Reassess__</c> settings are absent.</summary>
    public const string OpenAiAdminKeyShellName = "OPENAI_ADMIN_KEY";
    public const string AnthropicAdminKeyShellName = "ANTHROPIC_ADMIN_KEY";

    public string? OpenAiAdminKey { get; init; }

    public string? AnthropicAdminKey { get; init; }

    /// <summary>Where Azure Monitor's bearer token comes from: the host's credential (it caches and refreshes tokens).</summary>
    public required TokenCredential AzureCredential { get; init; }

    /// <summary>Days pulled back from now (today, partial, included): the window plus a week, so late corrections land.</summary>
    public int PullDays { get; init; } = 35;

    /// <summary>The host's clients (<c>AddHttpClient</c>), so handlers are pooled and configured in one place.</summary>
    public required IHttpClientFactory HttpClients { get; init; }

    public HttpPullOptions? Http { get; init; }

    /// <summary>
    /// The keys from configuration, as app settings, <c>local.settings.json</c> "Values" (Key Vault references resolved by
    /// the platform) and the environment give it: <c>Reassess__OpenAiAdminKey</c>, else <c>OPENAI_ADMIN_KEY</c>.
    /// </summary>
    public static UsageIngestOptions FromConfiguration(IConfiguration configuration, IHttpClientFactory httpClients, TokenCredential azureCredential) => new()
    {
        OpenAiAdminKey = Setting(configuration, OpenAiAdminKeySetting) ?? Setting(configuration, OpenAiAdminKeyShellName),
        AnthropicAdminKey = Setting(configuration, AnthropicAdminKeySetting) ?? Setting(configuration, AnthropicAdminKeyShellName),
        HttpClients = httpClients,
        AzureCredential = azureCredential,
    };

    /// <summary>The token for Azure Monitor's REST API, asked of the credential each pull (it caches and refreshes).</summary>
    public Func<CancellationToken, ValueTask<string>> AzureBearerToken() =>
        async ct => (await AzureCredential.GetTokenAsync(new TokenRequestContext([AzureMonitorUsageApi.Scope]), ct).ConfigureAwait(false)).Token;

    private static string? Setting(IConfiguration configuration, string name) =>
        configuration[name.Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } value ? value : null;
}
