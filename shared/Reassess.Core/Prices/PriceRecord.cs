namespace Reassess.Core.Prices;

/// <summary>
/// One model's prices from one source, in USD per 1M tokens (training per 1M training tokens; hours per hour).
/// Null means "the sheet does not say", which is different from a price of zero.
/// </summary>
public sealed record PriceRecord
{
    public required string Key { get; init; }
    public required string Provider { get; init; }
    public required string Model { get; init; }
    public decimal? InputPerMTok { get; init; }
    public decimal? CachedInputPerMTok { get; init; }
    public decimal? CacheWritePerMTok { get; init; }
    public decimal? OutputPerMTok { get; init; }
    public decimal? BatchInputPerMTok { get; init; }
    public decimal? BatchOutputPerMTok { get; init; }
    public decimal? TrainingPerMTok { get; init; }
    public decimal? TrainingPerHour { get; init; }
    public decimal? HostingPerHour { get; init; }
    public string Currency { get; init; } = "USD";
    public required string Source { get; init; }

    /// <summary>When this price took effect; <see cref="DateTimeOffset.UnixEpoch"/> when the sheet gives no date (in force since before we first saw it).</summary>
    public DateTimeOffset EffectiveFrom { get; init; } = DateTimeOffset.UnixEpoch;

    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>True when both records quote the same prices, whatever their source or dates.</summary>
    public bool SamePricesAs(PriceRecord other) =>
        InputPerMTok == other.InputPerMTok
        && CachedInputPerMTok == other.CachedInputPerMTok
        && CacheWritePerMTok == other.CacheWritePerMTok
        && OutputPerMTok == other.OutputPerMTok
        && BatchInputPerMTok == other.BatchInputPerMTok
        && BatchOutputPerMTok == other.BatchOutputPerMTok
        && TrainingPerMTok == other.TrainingPerMTok
        && TrainingPerHour == other.TrainingPerHour
        && HostingPerHour == other.HostingPerHour
        && string.Equals(Currency, other.Currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Lays <paramref name="over"/> on top of this record field by field: every price the override states wins,
    /// the rest stays. Used for the company overrides sheet, which wins over every other source.
    /// </summary>
    public PriceRecord OverlaidWith(PriceRecord over) => this with
    {
        InputPerMTok = over.InputPerMTok ?? InputPerMTok,
        CachedInputPerMTok = over.CachedInputPerMTok ?? CachedInputPerMTok,
        CacheWritePerMTok = over.CacheWritePerMTok ?? CacheWritePerMTok,
        OutputPerMTok = over.OutputPerMTok ?? OutputPerMTok,
        BatchInputPerMTok = over.BatchInputPerMTok ?? BatchInputPerMTok,
        BatchOutputPerMTok = over.BatchOutputPerMTok ?? BatchOutputPerMTok,
        TrainingPerMTok = over.TrainingPerMTok ?? TrainingPerMTok,
        TrainingPerHour = over.TrainingPerHour ?? TrainingPerHour,
        HostingPerHour = over.HostingPerHour ?? HostingPerHour,
        Currency = over.Currency,
        Source = Source == over.Source ? Source : $"{over.Source}+{Source}",
        EffectiveFrom = over.EffectiveFrom > EffectiveFrom ? over.EffectiveFrom : EffectiveFrom,
        FetchedAt = over.FetchedAt > FetchedAt ? over.FetchedAt : FetchedAt,
    };
}
