using Reassess.Core.Prices;

namespace Reassess.Core.WhatIf;

/// <summary>A price record as a what-if states it: every price optional, key and provenance implied.</summary>
public sealed record WhatIfPrice
{
    public decimal? InputPerMTok { get; init; }
    public decimal? CachedInputPerMTok { get; init; }
    public decimal? CacheWritePerMTok { get; init; }
    public decimal? OutputPerMTok { get; init; }
    public decimal? BatchInputPerMTok { get; init; }
    public decimal? BatchOutputPerMTok { get; init; }
    public decimal? TrainingPerMTok { get; init; }
    public decimal? TrainingPerHour { get; init; }
    public decimal? HostingPerHour { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? EffectiveFrom { get; init; }

    internal PriceRecord ToRecord(string key, string provider, string model, DateTimeOffset now) => new()
    {
        Key = key,
        Provider = provider,
        Model = model,
        InputPerMTok = InputPerMTok,
        CachedInputPerMTok = CachedInputPerMTok,
        CacheWritePerMTok = CacheWritePerMTok,
        OutputPerMTok = OutputPerMTok,
        BatchInputPerMTok = BatchInputPerMTok,
        BatchOutputPerMTok = BatchOutputPerMTok,
        TrainingPerMTok = TrainingPerMTok,
        TrainingPerHour = TrainingPerHour,
        HostingPerHour = HostingPerHour,
        Source = Source ?? "what-if",
        EffectiveFrom = EffectiveFrom ?? DateTimeOffset.UnixEpoch,
        FetchedAt = now,
    };
}
