using Reassess.Core.Prices;

namespace Reassess.Pipeline.Outcomes;

/// <summary>
/// The prices in force on each UTC day, from every stored price read once: an outcome prices every day since its
/// decision, and one scan of the Prices table beats one per day. A day is priced as it began (00:00 UTC), as the
/// weekly run prices its week as its Monday began, so a forecast's day and the same day realised see the same book.
/// </summary>
public sealed class PriceTimeline(IReadOnlyList<PriceRecord> records)
{
    private readonly ILookup<string, PriceRecord> _byKey = records.ToLookup(r => r.Key, StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, PriceBook> _books = [];

    public static async Task<PriceTimeline> ReadAsync(PipelineContext context, CancellationToken cancellationToken) =>
        new(await context.Prices.GetAllAsync(cancellationToken));

    public PriceBook On(DateOnly day)
    {
        if (_books.TryGetValue(day, out var book)) return book;
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        book = new PriceBook(_byKey
            .Select(key => key.Where(r => r.EffectiveFrom <= start).MaxBy(r => r.EffectiveFrom))
            .OfType<PriceRecord>());
        _books[day] = book;
        return book;
    }
}
