namespace Reassess.Core.Prices;

/// <summary>
/// What a price refresh wants a person to look at, because wrong prices look exactly like right ones: big jumps,
/// sources that disagree, and sources that have stopped delivering. Shown in the weekly report's "What changed".
/// </summary>
public sealed record PriceAlerts
{
    public IReadOnlyList<SuspiciousPriceChange> SuspiciousChanges { get; init; } = [];
    public IReadOnlyList<PriceDisagreement> Disagreements { get; init; } = [];
    public IReadOnlyList<StalePriceSource> StaleSources { get; init; } = [];

    public static PriceAlerts None { get; } = new();

    public int Count => SuspiciousChanges.Count + Disagreements.Count + StaleSources.Count;

    /// <summary>Both sets together, each list in its canonical order without repeats (so merging is idempotent).</summary>
    public PriceAlerts Merge(PriceAlerts other) => new()
    {
        SuspiciousChanges = PriceAlertRules.Ordered(SuspiciousChanges.Concat(other.SuspiciousChanges)),
        Disagreements = PriceAlertRules.Ordered(Disagreements.Concat(other.Disagreements)),
        StaleSources = PriceAlertRules.Ordered(StaleSources.Concat(other.StaleSources)),
    };
}

/// <summary>A stored price that moved by more than <see cref="PriceAlertRules.SuspiciousChange"/> at once: stored, but flagged.</summary>
/// <param name="ChangePct">Percent change from <paramref name="Before"/>; null when the price was 0 before.</param>
public sealed record SuspiciousPriceChange(
    string Key, string Price, decimal Before, string BeforeSource, decimal After, string AfterSource,
    DateTimeOffset EffectiveFrom, decimal? ChangePct);

/// <summary>Two public sheets quoting one key more than <see cref="PriceAlertRules.Disagreement"/> apart; the first configured one is in force.</summary>
/// <param name="DifferencePct">How far the other source is from the price in force, in percent; null when the price in force is 0.</param>
public sealed record PriceDisagreement(
    string Key, string Price, string InForceSource, decimal InForce, string OtherSource, decimal Other, decimal? DifferencePct);

/// <summary>A price source whose prices in force are old: its pull failed and an older sheet stands in, or the sheet says it is old.</summary>
public sealed record StalePriceSource(string Source, DateOnly Since, string Reason);
