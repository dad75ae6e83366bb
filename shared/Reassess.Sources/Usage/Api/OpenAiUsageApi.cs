using System.Globalization;
using Reassess.Core.Usage;
using Reassess.Sources.Http;
using Reassess.Sources.Usage.OpenAi;

namespace Reassess.Sources.Usage.Api;

/// <summary>
/// Pulls OpenAI's organization usage (<c>/v1/organization/usage/completions</c>) and costs (<c>/v1/organization/costs</c>)
/// with an admin key: day buckets (<c>bucket_width=1d</c>) from midnight UTC, grouped by project, model and API key
/// (costs: project and line item) so they can be mapped to workloads, following <c>next_page</c>.
/// </summary>
public sealed class OpenAiUsageApi(IHttpClientFactory clients, string adminKey, TimeProvider? clock = null, HttpPullOptions? options = null)
{
    public const string UsagePath = "/v1/organization/usage/completions";
    public const string CostsPath = "/v1/organization/costs";
    public static readonly Uri DefaultEndpoint = new("https://api.openai.com");

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Task<UsagePull> PullUsageAsync(Uri endpoint, UsagePeriod period, Action<ReadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PullAsync(endpoint, UsagePath, period, ["project_id", "model", "api_key_id"], new OpenAiUsageReader(), progress, cancellationToken);

    public Task<UsagePull> PullCostsAsync(Uri endpoint, UsagePeriod period, Action<ReadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PullAsync(endpoint, CostsPath, period, ["project_id", "line_item"], new OpenAiCostsReader(), progress, cancellationToken);

    private Task<UsagePull> PullAsync(
        Uri endpoint, string path, UsagePeriod period, string[] groupBy, IUsagePageReader reader,
        Action<ReadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminKey);
        (string, string)[] query =
        [
            ("start_time", period.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ("end_time", period.End.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ("bucket_width", "1d"),
            ("limit", "31"),
            .. groupBy.Select(g => ("group_by", g)),
        ];
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {adminKey}", ["Accept"] = "application/json" };
        return AdminUsagePull.RunAsync(clients, _clock, options, headers, endpoint, path, query, reader, progress, cancellationToken);
    }
}
