using Reassess.Core.Ingestion;
using Reassess.Core.Usage;

namespace Reassess.Sources.Usage.Api;

/// <summary>
/// What pulling a usage API for a period gave: the rows of every page read in full, the problems (a page that failed
/// is one of them, named with its URL), and how much was read. When a page fails the pull stops there: that page and
/// the ones after it add nothing, so nothing is ingested half-way; the rows stored from earlier runs for those days stay.
/// </summary>
public sealed record UsagePull(ReadResult<MeteredUsage> Result, int Pages, long Bytes, bool Complete);

/// <summary>The period a pull asks for: from midnight UTC of <see cref="From"/>'s day up to <see cref="To"/>.</summary>
public sealed record UsagePeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Day buckets must start at midnight UTC, or each would mix two days.</summary>
    public DateTimeOffset Start => new(DateOnly.FromDateTime(From.UtcDateTime).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => To.ToUniversalTime();

    /// <summary>The <paramref name="days"/> days up to <paramref name="now"/>, today (partial) included.</summary>
    public static UsagePeriod Last(int days, DateTimeOffset now) => new(now.AddDays(-days), now);
}
