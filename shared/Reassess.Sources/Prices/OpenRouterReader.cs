using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Prices;

/// <summary>
/// OpenRouter's <c>GET /api/v1/models</c> answer (format <c>openrouter</c>): <c>{ "data": [ { id, pricing } ] }</c> with
/// USD-per-token prices written as strings. One record per model, keyed <c>openrouter/{id}</c> (the price of calling it
/// through OpenRouter): <c>prompt</c>, <c>input_cache_read</c>, <c>input_cache_write</c>, <c>completion</c> per 1M tokens,
/// and <c>overrides[].min_prompt_tokens</c> as long-context tiers. <c>"-1"</c> means the price is decided per request
/// (a router): skipped with the reason. <c>"0"</c> is a free model and kept at 0. Prices are undated.
/// </summary>
public sealed class OpenRouterReader : IRecordReader<PriceRecord>
{
    public const string FormatName = "openrouter";

    /// <summary>The <see cref="PriceRecord.Source"/> of every record read; also the provider of every key.</summary>
    public const string SourceId = "openrouter";

    /// <summary>OpenRouter's price names → the record's, for the base prices and each override tier.</summary>
    private static readonly (string Field, string Price)[] TokenPrices =
    [
        ("prompt", PriceNames.Input),
        ("input_cache_read", PriceNames.CachedInput),
        ("input_cache_write", PriceNames.CacheWrite),
        ("completion", PriceNames.Output),
    ];

    public static SheetShape Shape { get; } = new("data", ["id"]);

    public string Format => FormatName;

    public async Task<ReadResult<PriceRecord>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        var bytes = await InputBytes.ReadAllAsync(content, cancellationToken).ConfigureAwait(false);
        var entries = JsonEntries.Read(bytes, sourceName, Shape.JsonArrayName);
        var results = new ReadResultBuilder<PriceRecord>(sourceName);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entry in entries.OfType<JsonEntry>())
        {
            var fields = new FieldReader(entry);
            var id = fields.Text("id", required: true);
            var pricing = entry.Object("pricing");
            if (!fields.IsValid || id is null)
            {
                fields.RejectInto(results);
                continue;
            }

            if (pricing is null)
            {
                results.Reject(entry.Location, $"{id} has no \"pricing\" object");
                continue;
            }

            var prices = new FieldReader(pricing);
            if (TokenPrices.Select(p => prices.Text(p.Field)).FirstOrDefault(t => t == "-1") is not null)
            {
                results.Skip(entry.Location, $"{id} is priced per request (\"-1\": dynamic, e.g. a router picking a model); there is no fixed price to store");
                continue;
            }

            var values = TokenPrices.Select(p => PerToken(prices, p.Field)).ToArray();
            var tiers = Tiers(pricing, id, results);
            if (!prices.IsValid)
            {
                prices.RejectInto(results);
                continue;
            }

            if (tiers is null) continue;
            if (values[0] is null && values[3] is null)
            {
                results.Skip(entry.Location, $"{id} states no prompt or completion price, so no cost per call can be computed");
                continue;
            }

            var model = PriceKey.Normalize(id);
            var key = PriceKey.For(SourceId, model);
            if (!seen.Add(key))
            {
                results.Reject(entry.Location, $"{id} appears twice; the first one is kept");
                continue;
            }

            results.Add(new PriceRecord
            {
                Key = key,
                Provider = SourceId,
                Model = model,
                InputPerMTok = values[0],
                CachedInputPerMTok = values[1],
                CacheWritePerMTok = values[2],
                OutputPerMTok = values[3],
                Tiers = PriceTiers.Of(tiers),
                Source = SourceId,
                EffectiveFrom = DateTimeOffset.UnixEpoch,
                FetchedAt = context.FetchedAt,
            });
        }

        return results.Build();
    }

    /// <summary>The long-context overrides as tiers; null (with the entry rejected) when one is malformed.</summary>
    private static List<PriceTier>? Tiers(JsonEntry pricing, string id, ReadResultBuilder<PriceRecord> results)
    {
        var tiers = new List<PriceTier>();
        foreach (var item in pricing.Items("overrides"))
        {
            var fields = new FieldReader(item);
            var threshold = fields.Count("min_prompt_tokens");
            var values = TokenPrices.Select(p => (p.Price, Value: PerToken(fields, p.Field))).ToList();
            if (fields.Entry.Field("min_prompt_tokens").Kind == FieldKind.Absent)
                fields.Problem("min_prompt_tokens", $"is missing; an override of {id} must say from which prompt length it applies");
            if (!fields.IsValid || threshold is not { } above)
            {
                fields.RejectInto(results);
                return null;
            }

            tiers.AddRange(values.Where(v => v.Value is not null).Select(v => new PriceTier(v.Price, above, v.Value!.Value)));
        }

        return tiers;
    }

    private static decimal? PerToken(FieldReader fields, string name) => PriceUnits.PerTokenField(fields, name);
}
