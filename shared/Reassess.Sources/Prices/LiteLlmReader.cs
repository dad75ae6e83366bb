using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Prices;

/// <summary>
/// LiteLLM's <c>model_prices_and_context_window.json</c> (format <c>litellm</c>): an object of model id → entry with
/// USD-per-token prices. One record per model, keyed <c>{litellm_provider}/{id}</c> (a leading <c>provider/</c> in the
/// id is not repeated), prices converted to per 1M tokens: <c>input_cost_per_token</c>, <c>cache_read_input_token_cost</c>
/// (or <c>input_cost_per_token_cache_hit</c>), <c>cache_creation_input_token_cost</c>, <c>output_cost_per_token</c>, the
/// <c>*_batches</c> prices, and <c>*_above_{N}k_tokens</c> as tiers. <c>ft:</c> entries are fine-tuned models and keep
/// their id. Members that are not models (<c>sample_spec</c>, <c>fallback_generalizations</c>, <c>last_updated</c>, anything
/// without <c>litellm_provider</c>) are skipped with the reason; <c>last_updated</c> becomes every record's sheet version.
/// LiteLLM gives no dates, so prices are undated (in force since before they were first seen).
/// </summary>
public sealed partial class LiteLlmReader : IRecordReader<PriceRecord>
{
    public const string FormatName = "litellm";

    /// <summary>The <see cref="PriceRecord.Source"/> of every record read.</summary>
    public const string SourceId = "litellm";

    private static readonly Dictionary<string, string> NotModels = new(StringComparer.Ordinal)
    {
        ["sample_spec"] = "the format's own description of an entry, not a model",
        ["fallback_generalizations"] = "LiteLLM's routing rules for unlisted ids, which carry no prices",
        ["last_updated"] = "the sheet's version stamp, kept as the sheet version of every price",
    };

    /// <summary>The four token prices LiteLLM tiers, by its field name → the record's name.</summary>
    private static readonly (string Field, string Price)[] TierablePrices =
    [
        ("input_cost_per_token", PriceNames.Input),
        ("cache_read_input_token_cost", PriceNames.CachedInput),
        ("cache_creation_input_token_cost", PriceNames.CacheWrite),
        ("output_cost_per_token", PriceNames.Output),
    ];

    public string Format => FormatName;

    public async Task<ReadResult<PriceRecord>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        var bytes = await InputBytes.ReadAllAsync(content, cancellationToken).ConfigureAwait(false);
        var members = JsonMembers.Read(bytes, sourceName, "models (LiteLLM's model id → prices map)");
        var results = new ReadResultBuilder<PriceRecord>(sourceName);
        var version = members.FirstOrDefault(m => m.Name == "last_updated" && m.Value.ValueKind == JsonValueKind.String)?.Value.GetString();
        var firstSeen = new Dictionary<string, (PriceRecord Record, string Location)>(StringComparer.Ordinal);

        foreach (var member in members)
        {
            var entry = member.Entry;
            if (NotModels.TryGetValue(member.Name, out var why))
            {
                results.Skip(entry.Location, $"\"{member.Name}\" is {why}");
                continue;
            }

            if (member.Value.ValueKind != JsonValueKind.Object || entry.Field("litellm_provider").Kind == FieldKind.Absent)
            {
                results.Skip(entry.Location, member.Value.ValueKind == JsonValueKind.Object
                    ? "not a model: it names no litellm_provider"
                    : $"not a model: its value is {JsonSyntax.Describe(member.Value)}, not an entry");
                continue;
            }

            if (ReadModel(member, version, context, results) is not { } record) continue;
            if (firstSeen.TryGetValue(record.Key, out var earlier))
            {
                if (earlier.Record.SamePricesAs(record))
                    results.Skip(entry.Location, $"prices {record.Key} again, the same as {earlier.Location}; the first is kept");
                else
                    results.Reject(entry.Location, $"prices {record.Key} differently from {earlier.Location}; which is right cannot be told, the first is kept");
                continue;
            }

            firstSeen[record.Key] = (record, entry.Location);
            results.Add(record);
        }

        return results.Build();
    }

    private static PriceRecord? ReadModel(JsonMember member, string? version, ReadContext context, ReadResultBuilder<PriceRecord> results)
    {
        var fields = new FieldReader(member.Entry);
        var provider = fields.Text("litellm_provider", required: true);
        var input = PerToken(fields, "input_cost_per_token");
        var cached = PerToken(fields, "cache_read_input_token_cost") ?? PerToken(fields, "input_cost_per_token_cache_hit");
        var cacheWrite = PerToken(fields, "cache_creation_input_token_cost");
        var output = PerToken(fields, "output_cost_per_token");
        var batchInput = PerToken(fields, "input_cost_per_token_batches");
        var batchOutput = PerToken(fields, "output_cost_per_token_batches");
        var tiers = Tiers(member, fields);

        if (!fields.IsValid || provider is null)
        {
            fields.RejectInto(results);
            return null;
        }

        if (input is null && output is null)
        {
            var mode = fields.Text("mode") ?? "unstated";
            results.Skip(member.Entry.Location,
                $"states no per-token input or output price (mode {mode}), so no cost per call can be computed");
            return null;
        }

        var providerId = PriceKey.Normalize(provider);
        var model = PriceKey.Normalize(member.Name);
        if (model.StartsWith(providerId + "/", StringComparison.Ordinal)) model = model[(providerId.Length + 1)..];
        return new PriceRecord
        {
            Key = PriceKey.For(providerId, model),
            Provider = providerId,
            Model = model,
            InputPerMTok = input,
            CachedInputPerMTok = cached,
            CacheWritePerMTok = cacheWrite,
            OutputPerMTok = output,
            BatchInputPerMTok = batchInput,
            BatchOutputPerMTok = batchOutput,
            Tiers = tiers,
            Source = SourceId,
            SheetVersion = version,
            EffectiveFrom = DateTimeOffset.UnixEpoch,
            FetchedAt = context.FetchedAt,
        };
    }

    /// <summary>The <c>{price}_above_{N}k_tokens</c> fields; <c>_priority</c> and other service-tier variants are not tiers of the standard price.</summary>
    private static PriceTiers? Tiers(JsonMember member, FieldReader fields)
    {
        if (member.Value.ValueKind != JsonValueKind.Object) return null;
        var tiers = new List<PriceTier>();
        foreach (var property in member.Value.EnumerateObject())
        {
            // Most fields are not tiers; the cheap test first keeps the regex off the hot path.
            if (!property.Name.Contains("_above_", StringComparison.Ordinal)) continue;
            var match = TierField().Match(property.Name);
            if (!match.Success) continue;
            var price = TierablePrices.FirstOrDefault(p => p.Field == match.Groups["price"].Value).Price;
            if (price is null) continue;
            if (PerToken(fields, property.Name) is { } value)
                tiers.Add(new PriceTier(price, long.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture) * 1_000, value));
        }

        return PriceTiers.Of(tiers);
    }

    private static decimal? PerToken(FieldReader fields, string name) => PriceUnits.PerTokenField(fields, name);

    [GeneratedRegex(@"^(?<price>[a-z_]+?)_above_(?<k>\d{1,6})k_tokens$", RegexOptions.CultureInvariant)]
    private static partial Regex TierField();
}
