using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.OpenAi;

/// <summary>
/// OpenAI's <c>GET /v1/organization/usage/completions</c> (format <c>openai</c>): pages of day buckets
/// (<c>start_time</c>/<c>end_time</c> in Unix seconds), each with one result per group (<c>project_id</c>,
/// <c>api_key_id</c>, <c>user_id</c>, <c>model</c> when grouped by them; null otherwise).
/// <para><c>input_tokens</c> includes the cached tokens (and, in newer answers, the cache writes), so the uncached
/// input is <c>input_uncached_tokens</c> when given, else <c>input_tokens − input_cached_tokens − input_cache_write_tokens</c>.
/// Fields newer answers added (<c>input_cached_tokens</c> before late 2024, <c>input_cache_write_tokens</c>,
/// <c>input_uncached_tokens</c>) count as 0 / derived when absent. Empty buckets are days without usage.</para>
/// </summary>
public sealed class OpenAiUsageReader : UsagePageReader
{
    public const string ResultObject = "organization.usage.completions.result";

    private static readonly BucketShape Shape = new(
        "an OpenAI usage page { \"object\": \"page\", \"data\": [ buckets with results ], \"next_page\": … }",
        "start_time", "end_time", UnixTimes: true);

    public override string Format => UsageSourceNames.OpenAi;

    public override UsagePage ReadPage(byte[] content, string sourceName) =>
        BucketPages.Read(content, sourceName, Shape, (fields, day) => ReadResult(fields, day, sourceName), OpenAiResults.IdentifyUsage);

    private MeteredUsage? ReadResult(FieldReader fields, DateOnly day, string sourceName)
    {
        OpenAiResults.RefuseOtherKinds(fields, ResultObject, sourceName);
        var input = fields.Count("input_tokens", 0) ?? 0;
        var cached = fields.Count("input_cached_tokens", 0) ?? 0;
        var cacheWrite = fields.Count("input_cache_write_tokens", 0) ?? 0;
        var uncached = fields.Count("input_uncached_tokens");
        var output = fields.Count("output_tokens", 0) ?? 0;
        var calls = fields.Count("num_model_requests");
        if (!fields.IsValid) return null;

        if (uncached is { } stated)
        {
            if (fields.Entry.Field("input_tokens").Kind != FieldKind.Absent && stated + cached + cacheWrite != input)
                fields.Problem("input_uncached_tokens",
                    $"{stated} uncached + {cached} cached + {cacheWrite} cache-write tokens do not add up to input_tokens {input}");
        }
        else if (cached + cacheWrite > input)
        {
            fields.Problem("input_cached_tokens",
                $"{cached} cached + {cacheWrite} cache-write tokens are more than input_tokens {input}, which includes them");
        }

        if (!fields.IsValid) return null;
        return new MeteredUsage
        {
            Source = Format,
            Day = day,
            Model = UsageModelKeys.For("openai", fields.Text("model")),
            Dimensions = OpenAiResults.Dimensions(fields),
            Calls = calls,
            UncachedInputTokens = uncached ?? input - cached - cacheWrite,
            CachedInputTokens = cached,
            CacheWriteTokens = cacheWrite,
            OutputTokens = output,
        };
    }
}
