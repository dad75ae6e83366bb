using Reassess.Sources.Tests.Usage.Providers;
using Reassess.Sources.Usage.Api;
using Reassess.Testing.Http;

namespace Reassess.Sources.Tests.Usage.Api;

public sealed class AzureMonitorUsageApiTests
{
    private const string Resource = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aoai-prod";
    private readonly SharedHandlerClients _clients = new();

    private static readonly byte[] Requests = AzureMonitorTests.Answer(
        ("AzureOpenAIRequests", "total", [("modeldeploymentname", "invoices-4o"), ("modelname", "gpt-4o")], [("2026-11-01T00:00:00Z", 1200m)]),
        ("AzureOpenAITimeToResponse", "average", [("modeldeploymentname", "invoices-4o"), ("modelname", "gpt-4o")], [("2026-11-01T00:00:00Z", 700m)]));

    private static readonly byte[] Tokens = AzureMonitorTests.Answer(
        ("ProcessedPromptTokens", "total", [("modeldeploymentname", "invoices-4o")], [("2026-11-01T00:00:00Z", 2_400_000m)]),
        ("GeneratedTokens", "total", [("modeldeploymentname", "invoices-4o")], [("2026-11-01T00:00:00Z", 120_000m)]));

    [Fact]
    public async Task Metrics_are_asked_per_deployment_by_midnight_days_with_top_raised_and_a_bearer_token()
    {
        await using var server = new LocalHttpServer(request => Reply.Json(request.Query("metricnames")!.Contains("Requests") ? Requests : Tokens));
        var api = new AzureMonitorUsageApi(_clients, _ => ValueTask.FromResult("token-from-azure-identity"), options: UsageApiPages.FastRetries);

        var pull = await api.PullAsync(new Uri(server.BaseUri, Resource), UsageApiPages.Period);

        Assert.True(pull.Complete);
        var row = Assert.Single(pull.Result.Records);
        Assert.Equal((1200L, 2_400_000L, 120_000L, 700m), (row.Calls!.Value, row.UncachedInputTokens, row.OutputTokens, row.LatencyMeanMs!.Value));
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.StartsWith($"{Resource}/providers/Microsoft.Insights/metrics?", r.PathAndQuery);
            Assert.Equal("Bearer token-from-azure-identity", r.Header("Authorization"));
            Assert.Equal(("P1D", "1000", "2026-11-01T00:00:00Z/2026-11-04T09:00:00Z"), (r.Query("interval"), r.Query("top"), r.Query("timespan")));
        });
        Assert.Equal(["ModelDeploymentName eq '*' and ModelName eq '*'", "ModelDeploymentName eq '*'"], server.Requests.Select(r => r.Query("$filter")));
    }

    [Fact]
    public async Task When_one_of_the_two_answers_fails_nothing_of_the_resource_is_ingested()
    {
        await using var server = new LocalHttpServer(request => request.Query("metricnames")!.Contains("Requests")
            ? Reply.Json(Requests)
            : Reply.WithStatus(500));
        var api = new AzureMonitorUsageApi(_clients, _ => ValueTask.FromResult("t"), options: UsageApiPages.FastRetries);

        var pull = await api.PullAsync(new Uri(server.BaseUri, Resource), UsageApiPages.Period);

        Assert.False(pull.Complete);
        Assert.Empty(pull.Result.Records);
        Assert.Contains("nothing of this resource was ingested", Assert.Single(pull.Result.Rejected).Message);
    }

    [Fact]
    public void A_resource_id_joined_to_the_management_host_with_a_doubled_slash_still_makes_one_path()
    {
        var url = ApiUrl.Build(new Uri("https://management.azure.com//subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a"),
            "/providers/Microsoft.Insights/metrics", [("api-version", "2023-10-01")]);

        Assert.Equal("https://management.azure.com/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/providers/Microsoft.Insights/metrics?api-version=2023-10-01",
            url.ToString());
    }
}
