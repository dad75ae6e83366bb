namespace Reassess.Sources.Prices;

/// <summary>
/// Converting quoted prices to USD per 1M tokens, in decimal throughout. Results carry no trailing zeros, so
/// <c>1.5e-07</c> per token is written back as <c>0.15</c>, not <c>0.1500000</c>.
/// </summary>
public static class PriceUnits
{
    public static decimal PerMillionFromPerToken(decimal perToken) => Trim(perToken * 1_000_000m);

    public static decimal PerMillionFromPerThousand(decimal perThousand) => Trim(perThousand * 1_000m);

    /// <summary>The same value at its smallest scale (dividing by a one with many zeros drops trailing zeros).</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;
}
