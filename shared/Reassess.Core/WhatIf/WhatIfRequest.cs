using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Core.WhatIf;

/// <summary>
/// An engineer's "what if": a workload, the prices to assume and a usage window, assessed on the spot and stored
/// nowhere (docs/contracts.md). Window token figures are totals over the window, like stored usage.
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
            return Assess(document.RootElement, sourceName, clock);
        }
    }

    /// <summary>A what-if already parsed (an HTTP body): <paramref name="root"/> holds workload, prices and window.</summary>
    public static Assessment Assess(JsonElement root, string sourceName, TimeProvider clock)
    {
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
        if (element.ValueKind != JsonValueKind.Object) throw Refused(sourceName, "window", "expected an object");

        // evalScores comes as plain numbers or as {date, score}; it is read on its own so the rest keeps the record's shape.
        var members = JsonObject.Create(element)!;
        var evalScores = members["evalScores"];
        members.Remove("evalScores");
        members.Remove("evalDays");

        UsageWindow? window;
        try
        {
            window = members.Deserialize<UsageWindow>(ReassessJson.Options);
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
        var (scores, days) = ReadEvalScores(evalScores, sourceName);
        return window with { DaysWithUsage = window.Calls > 0 ? window.Days : 0, EvalScores = scores, EvalDays = days };
    }

    /// <summary>
    /// Numbers are one week apart, oldest first; <c>{date, score}</c> points carry their own dates and are put in date
    /// order. One list is one or the other, so the slope is never taken over a guess at half the dates.
    /// </summary>
    private static (IReadOnlyList<decimal> Scores, IReadOnlyList<DateOnly> Days) ReadEvalScores(JsonNode? node, string sourceName)
    {
        if (node is null) return ([], []);
        if (node is not JsonArray points)
            throw Refused(sourceName, "window.evalScores", "expected a list of scores (oldest first, one week apart) or of {date, score}");

        var undated = new List<decimal>();
        var dated = new List<(DateOnly Day, decimal Score)>();
        for (var i = 0; i < points.Count; i++)
        {
            var location = $"window.evalScores[{i}]";
            switch (points[i])
            {
                case JsonValue value when value.TryGetValue<decimal>(out var score):
                    undated.Add(Score(score, location, sourceName));
                    break;
                case JsonObject point:
                    dated.Add((EvalDate(point["date"], location, sourceName), Score(EvalScore(point["score"], location, sourceName), location, sourceName)));
                    break;
                default:
                    throw Refused(sourceName, location, "expected a score (a number) or {\"date\": \"2026-11-02\", \"score\": 91.3}");
            }
        }

        if (undated.Count > 0 && dated.Count > 0)
            throw Refused(sourceName, "window.evalScores", "mixes plain scores and {date, score} points; give every point a date or none");
        if (undated.Count > 0) return (undated, []);

        var ordered = dated.OrderBy(p => p.Day).ToList();
        return (ordered.Select(p => p.Score).ToList(), ordered.Select(p => p.Day).ToList());
    }

    private static DateOnly EvalDate(JsonNode? node, string location, string sourceName) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw Refused(sourceName, $"{location}.date", "expected the day the score was measured, as yyyy-MM-dd");

    private static decimal EvalScore(JsonNode? node, string location, string sourceName) =>
        node is JsonValue value && value.TryGetValue<decimal>(out var score)
            ? score
            : throw Refused(sourceName, $"{location}.score", "expected the score, a number");

    private static decimal Score(decimal score, string location, string sourceName) =>
        score < 0 ? throw Refused(sourceName, location, $"{score} is negative; an eval score is 0 or more") : score;

    private static JsonElement Required(JsonElement root, string name, string sourceName) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Refused(sourceName, name, "is required");

    private static InputRejectedException Refused(string sourceName, string location, string message) =>
        new(new InputProblem(sourceName, location, message));
}
