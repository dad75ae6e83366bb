using Reassess.Core.Ingestion;
using Reassess.Core.Reporting;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage;

/// <summary>
/// Reassess's own drop format for daily usage per workload (format <c>csv</c>), CSV or JSON: one entry per workload,
/// UTC day, source and model.
/// <para>Columns (camelCase, any case): <c>workload</c>, <c>date</c> (yyyy-MM-dd), <c>model</c> (provider/model) —
/// required; <c>source</c> (default <c>drop</c>); <c>calls</c>, <c>uncachedInputTokens</c>, <c>cachedInputTokens</c>,
/// <c>cacheWriteTokens</c>, <c>outputTokens</c> (whole numbers ≥ 0, default 0); <c>latencyP95Ms</c> (decimal ≥ 0);
/// <c>formatChecked</c>, <c>formatViolations</c> (whole numbers ≥ 0, violations ≤ checked). JSON: an array of such
/// objects, or <c>{ "usage": [ ... ] }</c>.</para>
/// <para><c>reassess usage import</c> prints this format for people to open in a spreadsheet, so its CSV text cells
/// that a spreadsheet would run as a formula are led by <c>'</c> (<see cref="CsvCell"/>). This reader takes that one
/// <c>'</c> off a CSV cell where <see cref="CsvCell.Original"/> says it was added (<c>'=x</c> reads <c>=x</c>, <c>''=x</c>
/// reads <c>'=x</c>), so what is printed drops back in as the same workloads; JSON is read as written.</para>
/// </summary>
public sealed class UsageDropReader : IRecordReader<DailyUsage>
{
    public const string FormatName = "csv";

    /// <summary>The <see cref="DailyUsage.Source"/> of a row that names none.</summary>
    public const string DefaultSource = "drop";

    public static SheetShape Shape { get; } = new("usage", ["workload", "date", "model"], SpreadsheetSafeText: true);

    public string Format => FormatName;

    public async Task<ReadResult<DailyUsage>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        var entries = await Sheet.ReadAsync(content, sourceName, Shape, cancellationToken).ConfigureAwait(false);
        var results = new ReadResultBuilder<DailyUsage>(sourceName);
        // A damaged file of a million bad rows lists the first ones and counts the rest, rather than hold a problem per row.
        var rejected = new RejectionBudget<DailyUsage>(results);
        var firstSeen = new Dictionary<(string, DateOnly, string, string), string>();

        foreach (var entry in entries)
        {
            var fields = new FieldReader(entry);
            var workload = fields.Text("workload", required: true);
            var day = fields.RecentDay("date", context.AsOf, required: true);
            var source = fields.Text("source") ?? DefaultSource;
            var model = fields.PriceKeyField("model");
            var calls = fields.Count("calls", 0);
            var uncached = fields.Count("uncachedInputTokens", 0);
            var cached = fields.Count("cachedInputTokens", 0);
            var cacheWrite = fields.Count("cacheWriteTokens", 0);
            var output = fields.Count("outputTokens", 0);
            var latency = fields.Decimal("latencyP95Ms", 0m, null, "a latency must be 0 ms or more");
            var (formatChecked, formatViolations) = FormatCounts(fields);

            if (!fields.IsValid || workload is null || day is not { } d || model is not { } m)
            {
                rejected.Reject(fields);
                continue;
            }

            if (!firstSeen.TryAdd((workload, d, source, m.Key), entry.Location))
            {
                rejected.Reject(entry.Location,
                    $"repeats workload {workload} on {d:yyyy-MM-dd} for source {source} and model {m.Key}, already given at " +
                    $"{firstSeen[(workload, d, source, m.Key)]}; give each day once (add the two rows up)");
                continue;
            }

            results.Add(new DailyUsage
            {
                WorkloadId = workload,
                Day = d,
                Source = source,
                Model = m.Key,
                Calls = calls ?? 0,
                UncachedInputTokens = uncached ?? 0,
                CachedInputTokens = cached ?? 0,
                CacheWriteTokens = cacheWrite ?? 0,
                OutputTokens = output ?? 0,
                LatencyP95Ms = latency,
                FormatChecked = formatChecked,
                FormatViolations = formatViolations,
            });
        }

        rejected.Close();
        return results.Build();
    }

    private static (long? Checked, long? Violations) FormatCounts(FieldReader fields)
    {
        var formatChecked = fields.Count("formatChecked");
        var violations = fields.Count("formatViolations");
        if (violations is { } v && formatChecked is { } c && v > c)
            fields.Problem("formatViolations",
                $"{v} violations is more than the {c} outputs checked (formatChecked); violations are counted among the checked outputs");
        else if (violations is not null && fields.Entry.Field("formatChecked").Kind == FieldKind.Absent)
            fields.Problem("formatViolations", "is given without formatChecked; say how many outputs were checked");
        return (formatChecked, violations);
    }
}
