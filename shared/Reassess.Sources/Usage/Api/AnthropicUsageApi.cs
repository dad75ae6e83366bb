using System.Globalization;
using Reassess.Sources.Http;
using Reassess.Sources.Usage.Anthropic;

namespace Reassess.Sources.Usage.Api;

/// <summary>
/// Pulls Anthropic's Admin API usage report (<c>/v1/organizations/usage_report/messages</c>) and cost report
/// (<c>/v1/organizations/cost_report</c>) with an admin key: day buckets from midnight UTC, grouped by workspace, API
/// key and model (costs: workspace and description), following <c>next_page</c>.
/// </summary>
public sealed class AnthropicUsageApi(IHttpClientFactory clients, string adminKey, TimeProvider? clock = null, HttpPullOptions? options = null)
{
    public const string UsagePath = "/v1/organizations/usage_report/messages";
    public const string CostsPath = "/v1/organizations/cost_report";
    public const string ApiVersion = "2023-06-01";
    public static readonly Uri DefaultEndpoint = new("https://api.anthropic.com");

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Task<UsagePull> PullUsageAsync(Uri endpoint, UsagePeriod period, Action<ReadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PullAsync(endpoint, UsagePath, period, ["workspace_id", "api_key_id", "model"], new AnthropicUsageReader(), progress, cancellationToken);

    public Task<UsagePull> PullCostsAsync(Uri endpoint, UsagePeriod period, Action<ReadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PullAsync(endpoint, CostsPath, period, ["workspace_id", "description"], new AnthropicCostReader(), progress, cancellationToken);

    private Task<UsagePull> PullAsync(
        Uri endpoint, string path, UsagePeriod period, string[] groupBy, IUsagePageReader reader,
        Action<ReadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminKey);
        (string, string)[] query =
        [
            ("starting_at", period.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("ending_at", period.End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("bucket_width", "1d"),
            ("limit", "31"),
            .. groupBy.Select(g => ("group_by[]", g)),
        ];
        var headers = new Dictionary<string, string> { ["x-api-key"] = adminKey, ["anthropic-version"] = ApiVersion, ["Accept"] = "application/json" };
        return AdminUsagePull.RunAsync(clients, _clock, options, headers, endpoint, path, query, reader, progress, cancellationToken);
    }
}
