using System.Diagnostics;
using Reassess.Core.Decisions;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Sources.Prices;

namespace Reassess.Tools.CrossCheck;

/// <summary>
/// Prices usage rows the way the weekly run prices usage: the genai-prices sheet read by <see cref="GenAiPricesReader"/>
/// through <see cref="PriceSheetReading"/> (the refresh job's reading and checks) as of the row's day, kept in a
/// <see cref="PriceBook"/>; the row's model resolved to its key by the sheet's match rules (<see cref="PriceAliases"/>);
/// then <c>CallCost.Of(price, TokenMix.PerCall(window), batch) · calls</c>, the line <c>CostTrendPoint.From</c> uses,
/// with the row as a window of one call. Money is decimal.
/// </summary>
public sealed class ReassessCostPricer
{
    private readonly PriceAliases _aliases;
    private readonly IReadOnlyList<(DateOnly From, PriceBook Book)> _books;

    private ReassessCostPricer(PriceAliases aliases, IReadOnlyList<(DateOnly From, PriceBook Book)> books)
    {
        _aliases = aliases;
        _books = books;
    }

    /// <summary>The price books of the sheet: one read as of each day its prices change (the sheet's start dates), and one before them all.</summary>
    public static async Task<ReassessCostPricer> LoadAsync(CostCheckSheet sheet, CancellationToken cancellationToken = default)
    {
        var name = System.IO.Path.GetFileName(sheet.Path);
        var aliases = GenAiMatchRules.Read(sheet.Raw, name).AddTo(PriceAliases.None);
        var days = new List<DateOnly> { DateOnly.MinValue };
        days.AddRange(sheet.StartDates);
        var books = new List<(DateOnly, PriceBook)>();
        foreach (var day in days)
        {
            // Before every start date, the lists without a constraint are in force: read as of the day before the first.
            var asOf = day == DateOnly.MinValue ? (sheet.StartDates.Count > 0 ? sheet.StartDates[0].AddDays(-1) : new DateOnly(2000, 1, 1)) : day;
            var instant = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var read = await PriceSheetReading.ReadAsync(new GenAiPricesReader(), sheet.Raw, name, new ReadContext(instant, instant), cancellationToken)
                .ConfigureAwait(false);
            books.Add((day, new PriceBook(read.Records)));
        }

        return new ReassessCostPricer(aliases, books);
    }

    /// <summary>The prices in force on <paramref name="day"/>.</summary>
    public PriceBook BookOn(DateOnly day)
    {
        var book = _books[0].Book;
        foreach (var (from, candidate) in _books)
        {
            if (from > day) break;
            book = candidate;
        }

        return book;
    }

    /// <summary>The canonical key Reassess prices <paramref name="provider"/>/<paramref name="model"/> at.</summary>
    public string KeyOf(string provider, string model) => _aliases.Resolve(PriceKey.For(provider, model));

    public ReassessRowPrice Price(CostCheckRow row)
    {
        var key = KeyOf(row.Provider, row.Model);
        if (BookOn(DateOnly.FromDateTime(row.Timestamp.UtcDateTime)).Find(key) is not { } price)
            return new ReassessRowPrice(key, null, $"no price for {key} on {row.Timestamp:yyyy-MM-dd}");

        var call = new UsageWindow
        {
            Days = 1,
            Calls = 1,
            UncachedInputTokens = row.InputTokens,
            CachedInputTokens = row.CachedInputTokens,
            CacheWriteTokens = row.CacheWriteTokens,
            OutputTokens = row.OutputTokens,
        };
        return new ReassessRowPrice(key, CallCost.Of(price, TokenMix.PerCall(call), batch: false) * call.Calls, null);
    }

    /// <summary>
    /// Prices every row, timing the loop alone (prices already loaded) after pricing up to <paramref name="warmup"/> rows
    /// untimed, as the genai-prices script times its own loop.
    /// </summary>
    public ReassessPricing PriceAll(IReadOnlyList<CostCheckRow> rows, int warmup = 10_000)
    {
        for (var i = 0; i < Math.Min(warmup, rows.Count); i++) Price(rows[i]);
        var results = new ReassessRowPrice[rows.Count];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < rows.Count; i++) results[i] = Price(rows[i]);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new ReassessPricing(results, results.Sum(r => r.Cost ?? 0m), elapsed);
    }
}

/// <summary>One row priced by Reassess: the key it resolved to and the cost in USD, or why there is none.</summary>
public readonly record struct ReassessRowPrice(string Key, decimal? Cost, string? Reason);

/// <summary>All rows priced by Reassess and how long the pricing loop took.</summary>
public sealed record ReassessPricing(IReadOnlyList<ReassessRowPrice> Rows, decimal Total, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows.Count / Elapsed.TotalSeconds : double.PositiveInfinity;
}
