using System.Text;
using System.Text.Json.Nodes;
using Reassess.Sources.Usage.AzureMonitor;

namespace Reassess.Sources.Tests.Usage.Providers;

public sealed class AzureMonitorTests
{
    private const string Resource = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aoai-prod";
    private readonly AzureMonitorMetricsReader _reader = new();

    [Fact]
    public async Task Requests_tokens_and_latency_of_a_deployment_make_one_row_per_midnight_day()
    {
        var requests = Answer(("AzureOpenAIRequests", "total", [("modeldeploymentname", "invoices-4o"), ("modelname", "gpt-4o-2024-08-06")],
            [("2026-11-01T00:00:00Z", 1200m), ("2026-11-02T00:00:00Z", 1300m)]),
            ("AzureOpenAITimeToResponse", "average", [("modeldeploymentname", "invoices-4o"), ("modelname", "gpt-4o-2024-08-06")],
            [("2026-11-01T00:00:00Z", 812.44m), ("2026-11-02T00:00:00Z", 790m)]));
        var tokens = Answer(("ProcessedPromptTokens", "total", [("modeldeploymentname", "invoices-4o")], [("2026-11-01T00:00:00Z", 2_400_000m), ("2026-11-02T00:00:00Z", 2_600_000m)]),
            ("GeneratedTokens", "total", [("modeldeploymentname", "invoices-4o")], [("2026-11-01T00:00:00Z", 120_000m), ("2026-11-02T00:00:00Z", 130_000m)]));

        var result = AzureMonitorMetricsReader.ReadAnswers([(tokens, "a"), (requests, "b")], "azure");

        Assert.Empty(result.Rejected);
        Assert.Equal(2, result.Records.Count);
        var first = result.Records[0];
        Assert.Equal((new DateOnly(2026, 11, 1), "azure/gpt-4o", "invoices-4o"), (first.Day, first.Model, first.Dimensions["deployment"]));
        Assert.Equal((1200L, 2_400_000L, 120_000L), (first.Calls!.Value, first.UncachedInputTokens, first.OutputTokens));
        Assert.Equal(812.4m, first.LatencyMeanMs);
        Assert.Null(first.LatencyP95Ms); // an average is never taken for a p95
        Assert.Equal(Resource.ToLowerInvariant(), first.Dimensions["resource_id"]);
    }

    [Fact]
    public async Task Dimension_names_are_matched_whatever_their_case_and_each_deployment_is_its_own_row()
    {
        var answer = Answer(("ProcessedPromptTokens", "total", [("ModelDeploymentName", "a")], [("2026-11-01T00:00:00Z", 10m)]),
            ("processedprompttokens", "total", [("MODELDEPLOYMENTNAME", "b")], [("2026-11-01T00:00:00Z", 20m)]));

        var rows = (await Read.Text(_reader, Encoding.UTF8.GetString(answer), "m.json")).Records;

        Assert.Equal([("a", 10L), ("b", 20L)], rows.Select(r => (r.Dimensions["deployment"]!, r.UncachedInputTokens)));
        Assert.All(rows, r => Assert.Null(r.Calls)); // no request metric in the answer: calls unknown, not zero
    }

    [Fact]
    public async Task Hour_buckets_are_added_into_their_day()
    {
        var answer = Answer(("AzureOpenAIRequests", "total", [("modeldeploymentname", "d")],
            [("2026-11-01T00:00:00Z", 5m), ("2026-11-01T01:00:00Z", 7m), ("2026-11-01T23:00:00Z", 1m)]), interval: "PT1H");

        var row = Assert.Single((await Read.Text(_reader, Encoding.UTF8.GetString(answer), "h.json")).Records);

        Assert.Equal(13, row.Calls);
    }

    [Fact]
    public async Task The_real_excerpt_TokenTransaction_is_not_read_because_it_adds_input_and_output_together()
    {
        var result = await Read.File(_reader, TestData.File("usage", "azure_monitor_metrics_aoai_TokenTransaction_real_excerpt.json"));

        Assert.Empty(result.Records);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("metric TokenTransaction (1,261 in all) is not read: it adds input and output tokens together; ask for ProcessedPromptTokens and GeneratedTokens instead", skipped.Message);
    }

    [Fact]
    public async Task Day_buckets_that_do_not_start_at_midnight_are_left_out_and_said_so()
    {
        // The real excerpt asked for a timespan from 12:09, so each P1D bucket spans two UTC days.
        var text = File.ReadAllText(TestData.File("usage", "azure_monitor_metrics_aoai_TokenTransaction_real_excerpt.json"))
            .Replace("\"TokenTransaction\"", "\"ProcessedPromptTokens\"");

        var result = await Read.Text(_reader, text, "excerpt.json");

        Assert.Empty(result.Records);
        var rejected = Assert.Single(result.Rejected);
        Assert.StartsWith("metric ProcessedPromptTokens: 18 bucket(s) (1,261 in all) were not ingested: the first runs from 2024-09-30 12:09:00Z to 2024-10-01 12:09:00Z, across midnight UTC", rejected.Message);
    }

    [Fact]
    public async Task The_spec_example_of_storage_metrics_carries_no_Azure_OpenAI_usage()
    {
        var spec = JsonNode.Parse(File.ReadAllText(TestData.File("usage", "azure_monitor_metrics_list_GetMetric_spec_example.json")))!;
        var body = spec["responses"]!["200"]!["body"]!.ToJsonString();

        var result = await Read.Text(_reader, body, "spec.json");

        Assert.Empty(result.Records);
        Assert.Equal(["BlobCount", "BlobCapacity"], result.Skipped.Select(s => s.Message.Split(' ')[1]));
    }

    [Fact]
    public async Task The_day_a_timespan_ends_in_is_partial()
    {
        var answer = Answer(("AzureOpenAIRequests", "total", [("modeldeploymentname", "d")], [("2026-11-01T00:00:00Z", 5m), ("2026-11-02T00:00:00Z", 2m)]),
            timespan: "2026-11-01T00:00:00Z/2026-11-02T09:30:00Z");

        var rows = (await Read.Text(_reader, Encoding.UTF8.GetString(answer), "t.json")).Records;

        Assert.Equal([false, true], rows.Select(r => r.PartialDay));
    }

    [Fact]
    public void The_metrics_read_are_Azure_OpenAI_metrics_with_the_aggregation_Microsoft_lists_for_them()
    {
        var listed = File.ReadAllLines(TestData.File("usage", "azure_openai_monitor_metrics.csv")).Skip(1)
            .Select(l => new Reassess.Sources.Formats.Csv.CsvReader(new StringReader(l)).Read()!.Fields)
            .ToDictionary(f => f[0], f => f[4]);

        Assert.All(AzureOpenAIMetrics.Names, name =>
        {
            var aggregation = AzureOpenAIMetrics.Aggregation(AzureOpenAIMetrics.Parse(name)!.Value);
            Assert.Contains(aggregation == "total" ? "Total" : "Average", listed[name]);
        });
    }

    /// <summary>A Metrics - List answer for <see cref="Resource"/> with one series per metric given.</summary>
    internal static byte[] Answer(params (string Metric, string Aggregation, (string Name, string Value)[] Dimensions, (string At, decimal Value)[] Points)[] metrics) =>
        Answer(metrics, "P1D", "2026-11-01T00:00:00Z/2026-11-03T00:00:00Z");

    internal static byte[] Answer((string Metric, string Aggregation, (string Name, string Value)[] Dimensions, (string At, decimal Value)[] Points) metric,
        string interval = "P1D", string timespan = "2026-11-01T00:00:00Z/2026-11-03T00:00:00Z") =>
        Answer([metric], interval, timespan);

    internal static byte[] Answer(
        IEnumerable<(string Metric, string Aggregation, (string Name, string Value)[] Dimensions, (string At, decimal Value)[] Points)> metrics,
        string interval, string timespan)
    {
        var value = new JsonArray();
        foreach (var (metric, aggregation, dimensions, points) in metrics)
        {
            var metadata = new JsonArray(dimensions.Select(d => (JsonNode?)new JsonObject
            {
                ["name"] = new JsonObject { ["value"] = d.Name, ["localizedValue"] = d.Name },
                ["value"] = d.Value,
            }).ToArray());
            var data = new JsonArray(points.Select(p => (JsonNode?)new JsonObject
            {
                ["timeStamp"] = p.At,
                [aggregation] = p.Value,
            }).ToArray());
            value.Add(new JsonObject
            {
                ["id"] = $"{Resource}/providers/Microsoft.Insights/metrics/{metric}",
                ["type"] = "Microsoft.Insights/metrics",
                ["name"] = new JsonObject { ["value"] = metric, ["localizedValue"] = metric },
                ["unit"] = "Count",
                ["timeseries"] = new JsonArray(new JsonObject { ["metadatavalues"] = metadata, ["data"] = data }),
                ["errorCode"] = "Success",
            });
        }

        var answer = new JsonObject
        {
            ["cost"] = 0, ["timespan"] = timespan, ["interval"] = interval, ["value"] = value,
            ["namespace"] = "Microsoft.CognitiveServices/accounts", ["resourceregion"] = "eastus",
        };
        return Encoding.UTF8.GetBytes(answer.ToJsonString());
    }
}
