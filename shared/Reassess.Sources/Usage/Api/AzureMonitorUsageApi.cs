using System.Globalization;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Http;
using Reassess.Sources.Usage.AzureMonitor;

namespace Reassess.Sources.Usage.Api;

/// <summary>
/// Pulls Azure OpenAI metrics of one resource from Azure Monitor's REST API (<c>{resourceId}/providers/
/// Microsoft.Insights/metrics</c>) with a bearer token (from <c>Azure.Identity</c>, handed in as
/// <paramref name="bearerToken"/> so this project needs no Azure SDK): day buckets (<c>interval=P1D</c>) over a
/// timespan that starts at midnight UTC, split per deployment with <c>$filter=ModelDeploymentName eq '*'</c> and
/// <c>top</c> raised from its default of 10 series. Requests and latency are asked for with <c>ModelName</c> as well
/// (the token metrics have no such dimension), which tells the model each deployment serves. The two answers make
/// one result: if either fails, neither is ingested, since a day with tokens but not calls would be half a day.
/// </summary>
public sealed class AzureMonitorUsageApi(
    IHttpClientFactory clients, Func<CancellationToken, ValueTask<string>> bearerToken, TimeProvider? clock = null, HttpPullOptions? options = null)
{
    public const string ApiVersion = "2023-10-01";
    public const string Scope = "https://management.azure.com/.default";
    public const int Top = 1000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <param name="resource">The Azure OpenAI resource: <c>https://management.azure.com/subscriptions/…/accounts/{name}</c>.</param>
    public async Task<UsagePull> PullAsync(Uri resource, UsagePeriod period, Action<ReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var sourceName = $"{UsageSourceNames.AzureMonitor} {resource}";
        var token = await bearerToken(cancellationToken).ConfigureAwait(false);
        var puller = new HttpPuller(clients, _clock, (options ?? new HttpPullOptions()) with
        {
            Body = HttpBody.Json,
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}", ["Accept"] = "application/json" },
        });

        var started = _clock.GetTimestamp();
        var answers = new List<(byte[], string)>();
        long bytes = 0;
        var asks = new[]
        {
            (Metrics: "AzureOpenAIRequests,AzureOpenAITimeToResponse", Aggregation: "Total,Average", Filter: "ModelDeploymentName eq '*' and ModelName eq '*'"),
            (Metrics: "ProcessedPromptTokens,GeneratedTokens", Aggregation: "Total", Filter: "ModelDeploymentName eq '*'"),
        };
        foreach (var ask in asks)
        {
            var url = MetricsUrl(resource, period, ask.Metrics, ask.Aggregation, ask.Filter);
            try
            {
                var pull = await puller.GetAsync(url, cancellationToken: cancellationToken).ConfigureAwait(false);
                bytes += pull.Body.Length;
                answers.Add((pull.Body, sourceName));
            }
            catch (HttpPullException e)
            {
                var failed = new ReadResultBuilder<MeteredUsage>(sourceName);
                failed.Reject($"metrics {ask.Metrics}", $"{e.Message} — nothing of this resource was ingested for the period; rows stored before stay");
                return new UsagePull(failed.Build(), answers.Count, bytes, Complete: false);
            }
        }

        try
        {
            var result = AzureMonitorMetricsReader.ReadAnswers(answers, sourceName);
            progress?.Invoke(new ReadProgress(result.Records.Count, bytes, _clock.GetElapsedTime(started)));
            return new UsagePull(result, answers.Count, bytes, Complete: true);
        }
        catch (InputRejectedException e)
        {
            var failed = new ReadResultBuilder<MeteredUsage>(sourceName);
            failed.Reject(e.Problem.Location, $"{e.Problem.Message} — nothing of this resource was ingested for the period; rows stored before stay");
            return new UsagePull(failed.Build(), answers.Count, bytes, Complete: false);
        }
    }

    private static Uri MetricsUrl(Uri resource, UsagePeriod period, string metrics, string aggregation, string filter)
    {
        var from = period.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var to = period.End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return ApiUrl.Build(resource, "/providers/Microsoft.Insights/metrics",
        [
            ("api-version", ApiVersion),
            ("metricnamespace", "Microsoft.CognitiveServices/accounts"),
            ("metricnames", metrics),
            ("aggregation", aggregation),
            ("interval", "P1D"),
            ("timespan", $"{from}/{to}"),
            ("$filter", filter),
            ("top", Top.ToString(CultureInfo.InvariantCulture)),
        ]);
    }
}
