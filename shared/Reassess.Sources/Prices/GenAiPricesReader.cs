using System.Globalization;
using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Prices;

/// <summary>
/// genai-prices v2 <c>data.json</c> (format <c>genai-prices</c>): an array of providers <c>{id, models[{id, match, prices}]}</c>.
/// One record per model, keyed <c>provider/model</c>, with the price list in force at <see cref="ReadContext.AsOf"/>:
/// the list with the latest <c>constraint.start_date</c> on or before that day, else the unconstrained one (effective
/// since <see cref="DateTimeOffset.UnixEpoch"/>). Time-of-day lists (off-peak prices) are left out with a reason, not guessed.
/// <c>input_mtok</c>, <c>cache_read_mtok</c>, <c>cache_write_mtok</c> and <c>output_mtok</c> are read; a tiered
/// value <c>{base, tiers}</c> gives its <c>base</c> as the price and its tiers as <see cref="PriceRecord.Tiers"/>.
/// Models without an input or output token price are skipped. The models' <c>match</c> rules, which name every id a
/// model goes by, are read by <see cref="GenAiMatchRules"/> for alias resolution.
/// </summary>
public sealed class GenAiPricesReader : IRecordReader<PriceRecord>
{
    public const string FormatName = "genai-prices";

    /// <summary>The <see cref="PriceRecord.Source"/> of every record read.</summary>
    public const string SourceId = "genai-prices";

    private static readonly string[] TokenPriceNames = ["input_mtok", "cache_read_mtok", "cache_write_mtok", "output_mtok"];

    /// <summary>The record's name of each of <see cref="TokenPriceNames"/>, for tiers.</summary>
    private static readonly string[] RecordPriceNames = [PriceNames.Input, PriceNames.CachedInput, PriceNames.CacheWrite, PriceNames.Output];

    public string Format => FormatName;

    public async Task<ReadResult<PriceRecord>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        var bytes = await InputBytes.ReadAllAsync(content, cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte> json = bytes;
        if (json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) json = json[3..];
        JsonText.Check(json.Span, sourceName, default);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw JsonSyntax.Refusal(sourceName, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                throw new InputRejectedException(new InputProblem(sourceName, "",
                    $"expected genai-prices v2 data: a JSON array of providers; found {JsonSyntax.Describe(root)}"));

            var results = new ReadResultBuilder<PriceRecord>(sourceName);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var asOf = DateOnly.FromDateTime(context.AsOf.UtcDateTime);
            var index = 0;
            foreach (var provider in root.EnumerateArray())
                ReadProvider(provider, ++index, asOf, context, results, seen);
            return results.Build();
        }
    }

    private static void ReadProvider(
        JsonElement provider, int index, DateOnly asOf, ReadContext context, ReadResultBuilder<PriceRecord> results, HashSet<string> seen)
    {
        var location = $"provider {index}";
        if (provider.ValueKind != JsonValueKind.Object)
        {
            results.Reject(location, $"expected a provider object, found {JsonSyntax.Describe(provider)}");
            return;
        }

        if (Id(provider) is not { } providerId)
        {
            results.Reject(location, "has no \"id\"; every provider needs one");
            return;
        }

        if (!provider.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
        {
            results.Reject($"provider {providerId}", "has no \"models\" list");
            return;
        }

        var modelIndex = 0;
        foreach (var model in models.EnumerateArray())
        {
            modelIndex++;
            if (model.ValueKind != JsonValueKind.Object || Id(model) is not { } modelId)
            {
                results.Reject($"provider {providerId}, model {modelIndex}", "expected a model object with an \"id\"");
                continue;
            }

            var key = PriceKey.For(providerId, modelId);
            var modelLocation = $"model {key}";
            if (!seen.Add(key))
            {
                results.Reject(modelLocation, "appears twice; the first one is kept");
                continue;
            }

            if (ChoosePriceList(model, modelLocation, asOf, results) is not { } chosen) continue;
            if (ReadTokenPrices(chosen.Prices, chosen.Location, results) is not { } prices) continue;

            var (input, cacheRead, cacheWrite, output, tiers) = prices;
            if (input is null && output is null)
            {
                var stated = chosen.Prices.EnumerateObject().Select(p => p.Name).ToList();
                results.Skip(modelLocation,
                    "states no per-token input or output price, so no cost per call can be computed " +
                    (stated.Count == 0 ? "(its price list is empty)" : $"(it states only {string.Join(", ", stated)})"));
                continue;
            }

            results.Add(new PriceRecord
            {
                Key = key,
                Provider = PriceKey.Normalize(providerId),
                Model = PriceKey.Normalize(modelId),
                InputPerMTok = input,
                CachedInputPerMTok = cacheRead,
                CacheWritePerMTok = cacheWrite,
                OutputPerMTok = output,
                Tiers = tiers,
                Source = SourceId,
                EffectiveFrom = chosen.StartDate is { } start
                    ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    : DateTimeOffset.UnixEpoch,
                FetchedAt = context.FetchedAt,
            });
        }
    }

    private sealed record PriceList(JsonElement Prices, DateOnly? StartDate, string Location);

    /// <summary>The price list in force on <paramref name="asOf"/>, or null (with the skip or rejection recorded).</summary>
    private static PriceList? ChoosePriceList(JsonElement model, string location, DateOnly asOf, ReadResultBuilder<PriceRecord> results)
    {
        if (!model.TryGetProperty("prices", out var prices))
        {
            results.Reject(location, "has no \"prices\"");
            return null;
        }

        if (prices.ValueKind == JsonValueKind.Object) return new PriceList(prices, null, location);
        if (prices.ValueKind != JsonValueKind.Array)
        {
            results.Reject(location, $"\"prices\" should be an object or a list of price lists; found {JsonSyntax.Describe(prices)}");
            return null;
        }

        PriceList? chosen = null;
        DateOnly? earliestFuture = null;
        var number = 0;
        foreach (var item in prices.EnumerateArray())
        {
            var listLocation = $"{location}, price list {++number}";
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("prices", out var list) || list.ValueKind != JsonValueKind.Object)
            {
                results.Reject(location, $"price list {number} should be an object with a \"prices\" object");
                return null;
            }

            DateOnly? start = null;
            if (item.TryGetProperty("constraint", out var constraint) && constraint.ValueKind != JsonValueKind.Null)
            {
                if (constraint.ValueKind == JsonValueKind.Object && constraint.TryGetProperty("start_date", out var startDate))
                {
                    if (startDate.ValueKind != JsonValueKind.String
                        || !DateOnly.TryParseExact(startDate.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        var written = startDate.ValueKind == JsonValueKind.String ? $"'{startDate.GetString()}'" : JsonSyntax.Describe(startDate);
                        results.Reject(listLocation,
                            $"start_date {written} is not a date in the form yyyy-MM-dd; which list is in force cannot be told");
                        return null;
                    }

                    start = parsed;
                }
                else if (constraint.ValueKind == JsonValueKind.Object && constraint.TryGetProperty("start_time", out var from))
                {
                    var to = constraint.TryGetProperty("end_time", out var end) ? end.ToString() : "?";
                    results.Skip(listLocation,
                        $"time-of-day prices ({from} to {to}) left out: usage is counted per day, not per hour, so the list without a constraint is used for the whole day");
                    continue;
                }
                else
                {
                    results.Skip(listLocation, $"constraint {constraint.GetRawText()} is not one Reassess understands (start_date or time of day); left out");
                    continue;
                }
            }

            if (start > asOf)
            {
                if (earliestFuture is null || start < earliestFuture) earliestFuture = start;
                continue;
            }

            // The latest start wins; among equals (or unconstrained lists) the later one, as genai-prices does.
            if (chosen is null || (start ?? DateOnly.MinValue) >= (chosen.StartDate ?? DateOnly.MinValue))
                chosen = new PriceList(list, start, listLocation);
        }

        if (chosen is null)
            results.Skip(location, earliestFuture is { } first
                ? $"no price list is in force on {asOf:yyyy-MM-dd}; the earliest starts {first:yyyy-MM-dd}"
                : "has no price list Reassess can use");
        return chosen;
    }

    /// <summary>The four token prices and their tiers, or null when one is not a usable price (the model rejected).</summary>
    private static (decimal? Input, decimal? CacheRead, decimal? CacheWrite, decimal? Output, PriceTiers? Tiers)? ReadTokenPrices(
        JsonElement prices, string location, ReadResultBuilder<PriceRecord> results)
    {
        var values = new decimal?[TokenPriceNames.Length];
        var tiers = new List<PriceTier>();
        var problems = new List<string>();
        for (var i = 0; i < TokenPriceNames.Length; i++)
        {
            var name = TokenPriceNames[i];
            if (!prices.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) continue;
            var baseValue = value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                // Tiered {base, tiers}: the base price holds until the first tier; the tiers are kept beside it.
                if (!value.TryGetProperty("base", out baseValue))
                {
                    problems.Add($"{name}: a tiered price needs a \"base\"");
                    continue;
                }

                ReadTiers(value, name, RecordPriceNames[i], tiers, problems);
            }

            if (!DecimalText.TryGet(baseValue, out var price))
                problems.Add($"{name}: expected a number or {{base, tiers}}, found {JsonSyntax.Describe(baseValue)}");
            else if (price < 0)
                problems.Add($"{name}: '{baseValue.GetRawText()}' is negative; {FieldReader.PriceRule}");
            else
                values[i] = price;
        }

        if (problems.Count == 0) return (values[0], values[1], values[2], values[3], PriceTiers.Of(tiers));
        results.Reject(location, string.Join("; ", problems));
        return null;
    }

    /// <summary>Each <c>{start, price}</c> of a tiered price: the price per 1M tokens once the prompt is longer than <c>start</c>.</summary>
    private static void ReadTiers(JsonElement tiered, string name, string recordName, List<PriceTier> tiers, List<string> problems)
    {
        if (!tiered.TryGetProperty("tiers", out var list) || list.ValueKind == JsonValueKind.Null) return;
        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{name}: \"tiers\" should be a list of {{start, price}}; found {JsonSyntax.Describe(list)}");
            return;
        }

        var number = 0;
        foreach (var tier in list.EnumerateArray())
        {
            number++;
            if (tier.ValueKind != JsonValueKind.Object
                || !tier.TryGetProperty("start", out var start) || !start.TryGetInt64(out var above) || above < 0
                || !tier.TryGetProperty("price", out var price) || !DecimalText.TryGet(price, out var value))
            {
                problems.Add($"{name}: tier {number} should be {{start: whole number of tokens, price: number}}; found {JsonSyntax.Describe(tier)}");
                continue;
            }

            if (value < 0) problems.Add($"{name}: tier {number} price '{price.GetRawText()}' is negative; {FieldReader.PriceRule}");
            else tiers.Add(new PriceTier(recordName, above, value));
        }
    }

    private static string? Id(JsonElement element) =>
        element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString())
            ? id.GetString()
            : null;
}
