namespace Reassess.Core;

/// <summary>The calendar conventions every figure in Reassess is expressed in (docs/decision-engine.md).</summary>
public static class Units
{
    /// <summary>Average Gregorian month: 365.25 / 12 days.</summary>
    public const decimal DaysPerMonth = 30.4375m;

    /// <summary>Hours in an average month: 365.25 · 24 / 12.</summary>
    public const decimal HoursPerMonth = 730.5m;

    /// <summary>Prices are quoted per million tokens.</summary>
    public const decimal TokensPerPriceUnit = 1_000_000m;
}
