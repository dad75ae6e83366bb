using System.Text.Json.Nodes;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Pipeline;
using Reassess.Tools.Azurite;

namespace Reassess.Api.Tests;

/// <summary>Known data for the API tests: the sample ticket-triage workload with a price and 28 days of usage.</summary>
public static class Seed
{
    public const string WorkloadId = "ticket-triage";

    /// <summary>The sample workload's JSON, as a client would PUT it.</summary>
    public static JsonObject WorkloadJson()
    {
        var samples = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "workloads.json")))!;
        return samples["workloads"]!.AsArray().Select(w => w!.AsObject()).Single(w => (string?)w["id"] == WorkloadId).DeepClone().AsObject();
    }

    public static string WhatIfBody() => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "whatif-worked-example.json"));

    public static async Task PricesAndUsageAsync(PipelineContext context)
    {
        await context.Prices.StoreChangesAsync([new PriceRecord
        {
            Key = "anthropic/claude-haiku-4-5", Provider = "anthropic", Model = "claude-haiku-4-5",
            InputPerMTok = 1.00m, CachedInputPerMTok = 0.10m, OutputPerMTok = 5.00m, Source = "test",
        }]);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await context.Usage.UpsertDailyAsync(Enumerable.Range(1, 28).Select(back => new DailyUsage
        {
            WorkloadId = WorkloadId, Day = today.AddDays(-back), Source = "test", Model = "anthropic/claude-haiku-4-5",
            Calls = 330_000, UncachedInputTokens = 400L * 330_000, CachedInputTokens = 400L * 330_000, OutputTokens = 10L * 330_000,
            LatencyP95Ms = 640, FormatChecked = 4_000, FormatViolations = 36,
        }));
    }
}
