using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats;
using Reassess.Sources.Usage;

namespace Reassess.Sources.Prices;

/// <summary>
/// The company's negotiated-price sheet (format <c>overrides</c>), CSV or JSON. It wins over every other price source,
/// so it only states what differs: every price column is optional, but a row must state at least one.
/// <para>Columns (camelCase, any case): <c>key</c> (provider/model, required), <c>inputPerMTok</c>,
/// <c>cachedInputPerMTok</c>, <c>cacheWritePerMTok</c>, <c>outputPerMTok</c>, <c>batchInputPerMTok</c>,
/// <c>batchOutputPerMTok</c>, <c>trainingPerMTok</c>, <c>trainingPerHour</c>, <c>hostingPerHour</c>,
/// <c>currency</c> (USD, the default, is the only one accepted for now), <c>effectiveFrom</c> (yyyy-MM-dd, UTC midnight),
/// <c>note</c> (ignored). JSON: an array of such objects, or <c>{ "prices": [ ... ] }</c>.</para>
/// </summary>
public sealed class OverridesPriceReader : IRecordReader<PriceRecord>
{
    public const string FormatName = "overrides";

    /// <summary>The <see cref="PriceRecord.Source"/> of every record read.</summary>
    public const string SourceId = "overrides";

    public static SheetShape Shape { get; } = new("prices", ["key"]);

    /// <summary>The price columns, in the order a sheet would list them.</summary>
    public static IReadOnlyList<string> PriceColumns { get; } =
    [
        "inputPerMTok", "cachedInputPerMTok", "cacheWritePerMTok", "outputPerMTok", "batchInputPerMTok",
        "batchOutputPerMTok", "trainingPerMTok", "trainingPerHour", "hostingPerHour",
    ];

    public string Format => FormatName;

    public async Task<ReadResult<PriceRecord>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        var entries = await Sheet.ReadAsync(content, sourceName, Shape, cancellationToken).ConfigureAwait(false);
        var results = new ReadResultBuilder<PriceRecord>(sourceName);
        // A damaged file of a million bad rows lists the first ones and counts the rest, rather than hold a problem per row.
        var rejected = new RejectionBudget<PriceRecord>(results);
        var firstSeen = new Dictionary<(string Key, DateTimeOffset From), string>();

        foreach (var entry in entries)
        {
            var fields = new FieldReader(entry);
            var key = fields.PriceKeyField("key");
            var prices = PriceColumns.Select(fields.Price).ToArray();
            var currency = Currency(fields);
            var effectiveFrom = fields.Date("effectiveFrom") is { } day
                ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : DateTimeOffset.UnixEpoch;

            if (!fields.IsValid || key is not { } k || currency is null)
            {
                rejected.Reject(fields);
                continue;
            }

            if (prices.All(p => p is null))
            {
                rejected.Reject(entry.Location,
                    $"{k.Key} states no price; give at least one of {string.Join(", ", PriceColumns)}");
                continue;
            }

            if (!firstSeen.TryAdd((k.Key, effectiveFrom), entry.Location))
            {
                rejected.Reject(entry.Location,
                    $"repeats the price of {k.Key} from {effectiveFrom:yyyy-MM-dd} already given at {firstSeen[(k.Key, effectiveFrom)]}; " +
                    "keep one row per model and effective date");
                continue;
            }

            results.Add(new PriceRecord
            {
                Key = k.Key,
                Provider = k.Provider,
                Model = k.Model,
                InputPerMTok = prices[0],
                CachedInputPerMTok = prices[1],
                CacheWritePerMTok = prices[2],
                OutputPerMTok = prices[3],
                BatchInputPerMTok = prices[4],
                BatchOutputPerMTok = prices[5],
                TrainingPerMTok = prices[6],
                TrainingPerHour = prices[7],
                HostingPerHour = prices[8],
                Currency = currency,
                Source = SourceId,
                EffectiveFrom = effectiveFrom,
                FetchedAt = context.FetchedAt,
            });
        }

        rejected.Close();
        return results.Build();
    }

    private static string? Currency(FieldReader fields)
    {
        var currency = fields.Text("currency");
        if (currency is null) return "USD";
        if (string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase)) return "USD";
        fields.Problem("currency", $"'{currency}' is not supported yet; prices must be in USD, so convert them and write USD (or leave currency empty)");
        return null;
    }
}
