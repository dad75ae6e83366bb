using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Usage;

/// <summary>
/// How a provider's paged report is laid out: <c>{ "data": [ { start, end, "results": [...] } ], "has_more", "next_page" }</c>,
/// as OpenAI's and Anthropic's usage and cost reports are. <paramref name="What"/> names the answer for messages.
/// </summary>
public sealed record BucketShape(string What, string StartField, string EndField, bool UnixTimes);

/// <summary>
/// Reads one page of a bucketed report: each bucket is given its UTC day (a bucket across midnight is refused with
/// its results), each result becomes a row through the format's own mapping, rows of the same day, model and
/// dimensions are added up, and the days the buckets cover only in part are marked so.
/// </summary>
public static class BucketPages
{
    /// <param name="readResult">Maps one result of a bucket's day to a row, or returns null after noting its problems on the reader.</param>
    /// <param name="identify">The model and dimensions of a result, read even when its figures are bad, so only the totals it belongs to are held back.</param>
    public static UsagePage Read(
        byte[] content, string sourceName, BucketShape shape, Func<FieldReader, DateOnly, MeteredUsage?> readResult,
        Func<FieldReader, (string Model, UsageDimensions Dimensions)> identify)
    {
        var page = JsonEntries.ReadObject(content, sourceName, shape.What);
        if (page.Field("data").Kind == FieldKind.Absent)
            throw new InputRejectedException(new InputProblem(sourceName, "", $"has no \"data\" list; expected {shape.What}"));
        // Read again as a list of entries, so each bucket is located by the line it starts on.
        var buckets = JsonEntries.Read(content, sourceName, "data").Cast<JsonEntry>();

        var results = new ReadResultBuilder<MeteredUsage>(sourceName);
        var totals = new MeteredUsageTotals();
        var coverage = new DayCoverage();
        var shortTotals = new ShortTotals();
        foreach (var bucket in buckets)
        {
            var bucketFields = new FieldReader(bucket);
            var start = Time(bucketFields, shape, shape.StartField);
            var end = Time(bucketFields, shape, shape.EndField);
            var items = bucket.Items("results");
            if (!bucketFields.IsValid || start is not { } from || end is not { } to)
            {
                bucketFields.RejectInto(results);
                continue;
            }

            if (UsageBucket.Day(from, to, out var problem) is not { } day)
            {
                results.Reject(bucket.Location, $"the bucket {problem}; its {items.Count} result(s) were not ingested");
                continue;
            }

            coverage.Add(day, from, to);
            foreach (var item in items)
            {
                var fields = new FieldReader(item);
                var row = fields.IsValid ? readResult(fields, day) : null;
                if (row is null || !fields.IsValid)
                {
                    fields.RejectInto(results);
                    var (model, dimensions) = item.Problem is null ? identify(new FieldReader(item)) : (null, null);
                    shortTotals.Add(day, model, dimensions);
                    continue;
                }

                totals.Add(row);
            }
        }

        shortTotals.AddWhole(totals.ToList().Select(row => coverage.IsPartial(row.Day) ? row with { PartialDay = true } : row), results);
        return new UsagePage(results.Build(), NextPage(page));
    }

    /// <summary>The cursor of the next page, or null when <c>has_more</c> is false or no cursor is given.</summary>
    private static string? NextPage(JsonEntry page)
    {
        var more = page.Field("has_more");
        if (more.Kind == FieldKind.Other && more.Text == "false") return null;
        var next = page.Field("next_page");
        return next.Kind == FieldKind.Text ? next.Text : null;
    }

    private static DateTimeOffset? Time(FieldReader fields, BucketShape shape, string name) =>
        shape.UnixTimes ? fields.UnixSeconds(name, required: true) : fields.Instant(name, required: true);
}
