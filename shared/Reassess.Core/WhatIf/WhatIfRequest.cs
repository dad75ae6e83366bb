using System.Text.Json;
using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Core.WhatIf;

/// <summary>
/// An engineer's "what if": a workload, the prices to assume and a usage window, assessed on the spot and stored
/// nowhere (DESIGN §5). Window token figures are totals over the window, like stored usage.
/// </summary>
public static class WhatIfRequest
{
    public static async Task<Assessment> AssessAsync(Stream body, string sourceName, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new InputRejectedException(new InputProblem(sourceName, $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}", "not valid JSON"), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Refused(sourceName, "", "expected an object with workload, prices and window");

            var workload = WorkloadCatalog.ParseOne(Required(root, "workload", sourceName), sourceName);
            var prices = ReadPrices(Required(root, "prices", sourceName), sourceName, clock.GetUtcNow());
            var window = ReadWindow(Required(root, "window", sourceName), sourceName);

            try
            {
                return DecisionEngine.Assess(new AssessmentRequest
                {
                    Workload = workload,
                    Prices = new PriceBook(prices),
                    Window = window,
                    AssessedAt = clock.GetUtcNow(),
                });
            }
            catch (AssessmentException e)
            {
                throw Refused(sourceName, "prices", e.Message);
            }
        }
    }

    private static List<PriceRecord> ReadPrices(JsonElement element, string sourceName, DateTimeOffset now)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Refused(sourceName, "prices", "expected an object of price records by key, e.g. { \"openai/gpt-4o-mini\": { \"inputPerMTok\": 0.15, ... } }");

        var records = new List<PriceRecord>();
        foreach (var property in element.EnumerateObject())
        {
            var path = $"prices[\"{property.Name}\"]";
            if (!PriceKey.TryParse(property.Name, out var provider, out var model))
                throw Refused(sourceName, path, $"'{property.Name}' is not a price key of the form provider/model");

            WhatIfPrice? price;
            try
            {
                price = property.Value.Deserialize<WhatIfPrice>(ReassessJson.Options);
            }
            catch (JsonException e)
            {
                throw Refused(sourceName, $"{path}{(e.Path ?? "$").TrimStart('$')}", "expected a number");
            }

            if (price is null) throw Refused(sourceName, path, "expected a price record");
            var record = price.ToRecord(PriceKey.For(provider, model), provider, model, now);
            var negative = record.StatedPrices().FirstOrDefault(p => p.Value < 0);
            if (negative.Name is not null)
                throw Refused(sourceName, $"{path}.{negative.Name}", $"{negative.Value} is negative; a price must be 0 or more");

            records.Add(record);
        }

        return records;
    }

    private static UsageWindow ReadWindow(JsonElement element, string sourceName)
    {
        UsageWindow? window;
        try
        {
            window = element.Deserialize<UsageWindow>(ReassessJson.Options);
        }
        catch (JsonException e)
        {
            throw Refused(sourceName, $"window{(e.Path ?? "$").TrimStart('$')}", "has the wrong type");
        }

        if (window is null) throw Refused(sourceName, "window", "expected an object");
        if (window.Days < 1) throw Refused(sourceName, "window.days", $"{window.Days} must be at least 1");
        (string Name, long Value)[] counts =
        [
            ("calls", window.Calls), ("uncachedInputTokens", window.UncachedInputTokens), ("cachedInputTokens", window.CachedInputTokens),
            ("cacheWriteTokens", window.CacheWriteTokens), ("outputTokens", window.OutputTokens),
            ("formatChecked", window.FormatChecked), ("formatViolations", window.FormatViolations),
        ];
        foreach (var (name, value) in counts.Where(c => c.Value < 0))
            throw Refused(sourceName, $"window.{name}", $"{value} is negative");
        if (window.FormatViolations > window.FormatChecked)
            throw Refused(sourceName, "window.formatViolations", $"{window.FormatViolations} is more than formatChecked ({window.FormatChecked})");
        if (window.LatencyP95Ms < 0) throw Refused(sourceName, "window.latencyP95Ms", $"{window.LatencyP95Ms} is negative");
        return window with { DaysWithUsage = window.Calls > 0 ? window.Days : 0 };
    }

    private static JsonElement Required(JsonElement root, string name, string sourceName) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Refused(sourceName, name, "is required");

    private static InputRejectedException Refused(string sourceName, string location, string message) =>
        new(new InputProblem(sourceName, location, message));
}
