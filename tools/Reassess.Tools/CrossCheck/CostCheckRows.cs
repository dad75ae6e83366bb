using System.Globalization;
using System.Text;
using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Sources.Usage;
using Reassess.Sources.Usage.Anthropic;
using Reassess.Sources.Usage.OpenAi;

namespace Reassess.Tools.CrossCheck;

/// <summary>
/// One request's usage as the cross-check prices it. Token kinds never overlap, as in <see cref="DailyUsage"/>:
/// <see cref="InputTokens"/> is the uncached input; the prompt is input + cached + cache write.
/// </summary>
/// <param name="Origin"><c>generated</c>, or the usage sample the row was read from.</param>
public sealed record CostCheckRow(
    DateTimeOffset Timestamp, string Provider, string Model,
    long InputTokens, long CachedInputTokens, long CacheWriteTokens, long OutputTokens, string Origin = CostCheckRows.Generated)
{
    public long PromptTokens => InputTokens + CachedInputTokens + CacheWriteTokens;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Timestamp:yyyy-MM-ddTHH:mm:ssZ} {Provider}/{Model} input {InputTokens:N0}, cached {CachedInputTokens:N0}, cache write {CacheWriteTokens:N0}, output {OutputTokens:N0} ({Origin})");
}

/// <summary>Usage rows for the cross-check: generated from a seed across the sheet's models, and read from real usage samples.</summary>
public static class CostCheckRows
{
    public const string Generated = "generated";

    /// <summary>Generated rows' timestamps fall in [this, <see cref="Until"/>), which spans every start date of the shared sheet.</summary>
    public static readonly DateTimeOffset Since = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Until = new(2027, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <paramref name="count"/> rows from <paramref name="seed"/> (the same seed and sheet give the same rows) over every
    /// model both sides should agree on: priced by Reassess, without a <see cref="CostCheckModel.KnownDifference"/>, and
    /// named by an id genai-prices resolves to that model (but not a fine-tune's id that a base model's rule names,
    /// <see cref="CostCheckSheet.FineTunedNameOfBaseModel"/>). A quarter of the rows go to tiered models (a third of those
    /// at a threshold, one token either side or on it) and a twentieth to models whose price lists start on a date; 40% read from the cache, 20% write to it; prompts range from 1
    /// token to 400k; the id is sometimes another name the model's match rule gives (a dated snapshot, a dotted spelling).
    /// </summary>
    public static IReadOnlyList<CostCheckRow> Generate(CostCheckSheet sheet, ReassessCostPricer pricer, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var pool = Pool(sheet, pricer);
        if (pool.Count == 0) throw new InvalidOperationException($"{sheet.Path}: no model both Reassess and genai-prices can price by name.");
        var tiered = pool.Where(p => p.Model.TierThresholds.Count > 0).ToList();
        var dated = pool.Where(p => p.Model.StartDates.Count > 0).ToList();
        var random = new Random(seed);
        var span = (Until - Since).Ticks / TimeSpan.TicksPerSecond;
        var rows = new List<CostCheckRow>(count);
        for (var i = 0; i < count; i++)
        {
            var draw = random.NextDouble();
            var (model, ids) = draw < 0.25 && tiered.Count > 0 ? tiered[random.Next(tiered.Count)]
                : draw < 0.30 && dated.Count > 0 ? dated[random.Next(dated.Count)]
                : pool[random.Next(pool.Count)];
            var id = random.NextDouble() < 0.7 ? ids[0] : ids[random.Next(ids.Count)];
            var when = Since.AddSeconds(random.NextInt64(span));

            long prompt;
            if (model.TierThresholds.Count > 0 && random.NextDouble() < 1 / 3d)
                prompt = Math.Max(0, model.TierThresholds[random.Next(model.TierThresholds.Count)] + random.Next(-1, 2));
            else
                prompt = random.NextDouble() < 0.02 ? 0 : (long)Math.Exp(random.NextDouble() * Math.Log(400_000));
            var cached = random.NextDouble() < 0.4 ? (long)(prompt * random.NextDouble()) : 0;
            var written = random.NextDouble() < 0.2 ? (long)((prompt - cached) * random.NextDouble()) : 0;
            var output = random.NextDouble() < 0.05 ? 0 : (long)Math.Exp(random.NextDouble() * Math.Log(32_000));
            rows.Add(new CostCheckRow(when, model.Provider, id, prompt - cached - written, cached, written, output));
        }

        return rows;
    }

    /// <summary>Each model both sides should agree on, with the ids genai-prices resolves to it (its own id first when it does).</summary>
    private static List<(CostCheckModel Model, IReadOnlyList<string> Ids)> Pool(CostCheckSheet sheet, ReassessCostPricer pricer)
    {
        var latest = pricer.BookOn(DateOnly.MaxValue);
        var pool = new List<(CostCheckModel, IReadOnlyList<string>)>();
        foreach (var model in sheet.Models)
        {
            if (model.KnownDifference is not null || latest.Find(model.Key) is null) continue;
            var ids = new[] { model.Id }.Concat(model.NamedIds).Distinct(StringComparer.Ordinal)
                .Where(id => ReferenceEquals(sheet.GenAiPricesModel(model.Provider, id), model))
                .Where(id => FineTunedIds.IsFineTuned(model.Id) || !FineTunedIds.IsFineTuned(id))
                .ToList();
            if (ids.Count > 0) pool.Add((model, ids));
        }

        return pool;
    }

    /// <summary>
    /// Rows of the real usage samples under <paramref name="usageFolder"/> (<c>shared/data/usage</c>) that name a model,
    /// read by Reassess's own usage readers: the Anthropic usage report, and OpenAI's grouped completions result example
    /// (a bare result object, read inside the page envelope the API returns). Each row is one bucket's totals priced as
    /// one call (Anthropic's report has no request count). The OpenAI usage pages and Azure Monitor excerpts there are
    /// not split by model, so they cannot be priced by model and are left out.
    /// </summary>
    public static async Task<IReadOnlyList<CostCheckRow>> FromSamplesAsync(string usageFolder, CancellationToken cancellationToken = default)
    {
        var rows = new List<CostCheckRow>();
        var anthropic = Path.Combine(usageFolder, "anthropic_usage_report_messages.json");
        if (File.Exists(anthropic))
            rows.AddRange(Rows(new AnthropicUsageReader().ReadPage(await File.ReadAllBytesAsync(anthropic, cancellationToken).ConfigureAwait(false), anthropic)));

        var grouped = Path.Combine(usageFolder, "openai_result_object_examples_grouped.json");
        if (File.Exists(grouped))
        {
            using var examples = JsonDocument.Parse(await File.ReadAllBytesAsync(grouped, cancellationToken).ConfigureAwait(false));
            if (examples.RootElement.TryGetProperty("UsageCompletionsResult_example", out var result))
            {
                // The envelope of /v1/organization/usage/completions around the documented result, in a one-day bucket.
                var page = $$"""{"object":"page","data":[{"object":"bucket","start_time":1730419200,"end_time":1730505600,"results":[{{result.GetRawText()}}]}],"has_more":false,"next_page":null}""";
                rows.AddRange(Rows(new OpenAiUsageReader().ReadPage(Encoding.UTF8.GetBytes(page), grouped)));
            }
        }

        return rows;
    }

    private static IEnumerable<CostCheckRow> Rows(UsagePage page) =>
        page.Result.Records
            .Where(u => PriceKey.TryParse(u.Model, out _, out var model) && model != "*")
            .Select(u =>
            {
                PriceKey.TryParse(u.Model, out var provider, out var model);
                return new CostCheckRow(new DateTimeOffset(u.Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), provider, model,
                    u.UncachedInputTokens, u.CachedInputTokens, u.CacheWriteTokens, u.OutputTokens, $"{u.Source} sample");
            });

    /// <summary>Writes the rows as JSON Lines, the input of <c>tools/genai-prices-check/price.mjs</c>.</summary>
    public static async Task WriteJsonLinesAsync(IEnumerable<CostCheckRow> rows, string path, CancellationToken cancellationToken = default)
    {
        await using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var row in rows)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("timestamp", row.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("provider", row.Provider);
                json.WriteString("model", row.Model);
                json.WriteNumber("inputTokens", row.InputTokens);
                json.WriteNumber("cachedInputTokens", row.CachedInputTokens);
                json.WriteNumber("cacheWriteTokens", row.CacheWriteTokens);
                json.WriteNumber("outputTokens", row.OutputTokens);
                json.WriteString("origin", row.Origin);
                json.WriteEndObject();
            }

            await file.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
