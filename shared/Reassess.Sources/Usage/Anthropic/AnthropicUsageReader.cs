using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Usage.Anthropic;

/// <summary>
/// Anthropic's Admin API <c>GET /v1/organizations/usage_report/messages</c> (format <c>anthropic</c>): pages of
/// buckets (<c>starting_at</c>/<c>ending_at</c>, RFC 3339) with one result per group (<c>api_key_id</c>,
/// <c>workspace_id</c>, <c>model</c> when grouped by them).
/// <para>Its token fields never overlap: <c>uncached_input_tokens</c>, <c>cache_read_input_tokens</c>, output, and
/// cache writes of both lifetimes (<c>cache_creation.ephemeral_5m_input_tokens</c> and <c>ephemeral_1h_input_tokens</c>,
/// added up; older answers' flat <c>cache_creation_input_tokens</c> is read too). The report has <b>no request
/// count</b>: rows carry no calls, so the day's calls must come from another source or the day is an evidence gap.</para>
/// </summary>
public sealed class AnthropicUsageReader : UsagePageReader
{
    private static readonly BucketShape Shape = new(
        "an Anthropic usage report page { \"data\": [ buckets with results ], \"has_more\", \"next_page\" }",
        "starting_at", "ending_at", UnixTimes: false);

    public override string Format => UsageSourceNames.Anthropic;

    public override UsagePage ReadPage(byte[] content, string sourceName) => BucketPages.Read(content, sourceName, Shape, ReadResult, AnthropicResults.Identify);

    private MeteredUsage? ReadResult(FieldReader fields, DateOnly day)
    {
        var uncached = fields.Count("uncached_input_tokens", 0) ?? 0;
        var cacheRead = fields.Count("cache_read_input_tokens", 0) ?? 0;
        var output = fields.Count("output_tokens", 0) ?? 0;
        var cacheWrite = CacheWrites(fields);
        if (!fields.IsValid) return null;

        return new MeteredUsage
        {
            Source = Format,
            Day = day,
            Model = UsageModelKeys.For("anthropic", fields.Text("model")),
            Dimensions = AnthropicResults.Dimensions(fields),
            Calls = null,
            UncachedInputTokens = uncached,
            CachedInputTokens = cacheRead,
            CacheWriteTokens = cacheWrite,
            OutputTokens = output,
        };
    }

    private static long CacheWrites(FieldReader fields)
    {
        if (fields.Entry is not JsonEntry entry || entry.Object("cache_creation") is not { } creation)
            return fields.Count("cache_creation_input_tokens", 0) ?? 0;

        long total = 0;
        foreach (var kind in new[] { "ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens" })
        {
            var value = creation.Field(kind);
            if (value.Kind == FieldKind.Absent) continue;
            if (value.Kind is FieldKind.Number or FieldKind.Text && long.TryParse(value.Text, out var count) && count >= 0) total += count;
            else fields.Problem($"cache_creation.{kind}", $"{value.Quoted} is not a count; a count is a whole number of 0 or more");
        }

        return total;
    }
}
