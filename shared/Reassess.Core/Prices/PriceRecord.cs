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

    /// <summary>Long-context tiers on top of the base prices (which stay the prices above); null when the sheet states none.</summary>
    public PriceTiers? Tiers { get; init; }

    /// <summary>
    /// Which version of its sheet the price came from: the version the sheet states (LiteLLM <c>last_updated</c>) or a
    /// digest of the sheet's bytes (<c>sha256:…</c>), so a stored price can be traced to the exact file archived under
    /// <c>price-sheets/raw/…</c>. Not part of the price: a new sheet quoting the same price is no change.
    /// </summary>
    public string? SheetVersion { get; init; }

    /// <summary>Azure OpenAI deployment type the price is for (<c>global</c>, <c>data-zone</c>, <c>regional</c>); null where the source has no such notion.</summary>
    public string? DeploymentType { get; init; }

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
        && Tiers == other.Tiers
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
        Tiers = over.Tiers ?? Tiers,
        DeploymentType = over.DeploymentType ?? DeploymentType,
        Currency = over.Currency,
        Source = Source == over.Source ? Source : $"{over.Source}+{Source}",
        SheetVersion = Joined(over.SheetVersion, SheetVersion),
        EffectiveFrom = over.EffectiveFrom > EffectiveFrom ? over.EffectiveFrom : EffectiveFrom,
        FetchedAt = over.FetchedAt > FetchedAt ? over.FetchedAt : FetchedAt,
    };

    /// <summary>The prices this record states, by their record names (<c>inputPerMTok</c>, …), for checks that treat them alike.</summary>
    public IEnumerable<(string Name, decimal Value)> StatedPrices()
    {
        if (InputPerMTok is { } input) yield return (PriceNames.Input, input);
        if (CachedInputPerMTok is { } cached) yield return (PriceNames.CachedInput, cached);
        if (CacheWritePerMTok is { } cacheWrite) yield return (PriceNames.CacheWrite, cacheWrite);
        if (OutputPerMTok is { } output) yield return (PriceNames.Output, output);
        if (BatchInputPerMTok is { } batchInput) yield return (PriceNames.BatchInput, batchInput);
        if (BatchOutputPerMTok is { } batchOutput) yield return (PriceNames.BatchOutput, batchOutput);
        if (TrainingPerMTok is { } training) yield return (PriceNames.Training, training);
        if (TrainingPerHour is { } trainingHour) yield return (PriceNames.TrainingHour, trainingHour);
        if (HostingPerHour is { } hosting) yield return (PriceNames.Hosting, hosting);
    }

    private static string? Joined(string? over, string? under) =>
        over is null ? under : under is null || over == under ? over : $"{over}+{under}";
}

/// <summary>The names of a price record's prices, as the contract (docs/contracts.md), sheets and messages spell them.</summary>
public static class PriceNames
{
    public const string Input = "inputPerMTok";
    public const string CachedInput = "cachedInputPerMTok";
    public const string CacheWrite = "cacheWritePerMTok";
    public const string Output = "outputPerMTok";
    public const string BatchInput = "batchInputPerMTok";
    public const string BatchOutput = "batchOutputPerMTok";
    public const string Training = "trainingPerMTok";
    public const string TrainingHour = "trainingPerHour";
    public const string Hosting = "hostingPerHour";

    /// <summary>True for prices per hour (hosting, hourly training); the rest are per 1M tokens.</summary>
    public static bool IsHourly(string name) => name is TrainingHour or Hosting;
}
