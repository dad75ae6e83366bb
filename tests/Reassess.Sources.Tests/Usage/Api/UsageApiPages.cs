using System.Text.Json.Nodes;
using Reassess.Sources.Http;
using Reassess.Sources.Usage.Api;

namespace Reassess.Sources.Tests.Usage.Api;

/// <summary>Pages in the real API shapes, and the settings the API tests share.</summary>
internal static class UsageApiPages
{
    /// <summary>Asked for from 13:45: the pull must still start its day buckets at midnight.</summary>
    public static readonly UsagePeriod Period = new(new DateTimeOffset(2026, 11, 1, 13, 45, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero));

    public static readonly HttpPullOptions FastRetries = new()
    {
        MaxAttempts = 3,
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>An OpenAI usage page: one full-day bucket per day given, each with one result for project <c>proj_invoices</c>.</summary>
    public static string OpenAi(string? nextPage, params (int Day, long Requests, long Input, long Cached)[] days)
    {
        var data = new JsonArray();
        foreach (var (day, requests, input, cached) in days)
        {
            var start = new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            data.Add(new JsonObject
            {
                ["object"] = "bucket",
                ["start_time"] = start,
                ["end_time"] = start + 86_400,
                ["results"] = new JsonArray(new JsonObject
                {
                    ["object"] = "organization.usage.completions.result",
                    ["input_tokens"] = input, ["input_cached_tokens"] = cached, ["output_tokens"] = requests * 10,
                    ["num_model_requests"] = requests, ["project_id"] = "proj_invoices", ["api_key_id"] = null,
                    ["model"] = "gpt-4.1-2025-04-14",
                }),
            });
        }

        return new JsonObject { ["object"] = "page", ["data"] = data, ["has_more"] = nextPage is not null, ["next_page"] = nextPage }.ToJsonString();
    }

    /// <summary>An Anthropic usage report page: one day bucket per day given, for workspace <c>wrkspc_support_triage</c>.</summary>
    public static string Anthropic(string? nextPage, params (int Day, long Uncached, long CacheRead)[] days)
    {
        var data = new JsonArray();
        foreach (var (day, uncached, read) in days)
            data.Add(new JsonObject
            {
                ["starting_at"] = $"2026-11-{day:00}T00:00:00Z",
                ["ending_at"] = $"2026-11-{day + 1:00}T00:00:00Z",
                ["results"] = new JsonArray(new JsonObject
                {
                    ["uncached_input_tokens"] = uncached,
                    ["cache_creation"] = new JsonObject { ["ephemeral_1h_input_tokens"] = 0, ["ephemeral_5m_input_tokens"] = 100 },
                    ["cache_read_input_tokens"] = read, ["output_tokens"] = 50,
                    ["workspace_id"] = "wrkspc_support_triage", ["api_key_id"] = "apikey_1", ["model"] = "claude-haiku-4-5-20251001",
                }),
            });
        return new JsonObject { ["data"] = data, ["has_more"] = nextPage is not null, ["next_page"] = nextPage }.ToJsonString();
    }

    public static string? Query(this Testing.Http.SeenRequest request, string name) =>
        QueryAll(request, name).FirstOrDefault();

    public static IReadOnlyList<string> QueryAll(this Testing.Http.SeenRequest request, string name)
    {
        var query = request.PathAndQuery.Split('?', 2) is [_, var q] ? q : "";
        return query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == name)
            .Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))
            .ToList();
    }
}
