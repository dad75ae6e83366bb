using System.Globalization;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Prices;

/// <summary>
/// Converting quoted prices to USD per 1M tokens, in decimal throughout. Results carry no trailing zeros, so
/// <c>1.5e-07</c> per token is written back as <c>0.15</c>, not <c>0.1500000</c>.
/// </summary>
public static class PriceUnits
{
    /// <summary>The largest price per 1K units that still converts to a decimal per 1M; a sheet stating more is damaged.</summary>
    public static decimal MaxPerThousand { get; } = decimal.MaxValue / 1_000m;

    private static readonly decimal MaxPerToken = decimal.MaxValue / 1_000_000m;

    public static decimal PerMillionFromPerToken(decimal perToken) => Trim(perToken * 1_000_000m);

    public static decimal PerMillionFromPerThousand(decimal perThousand) => Trim(perThousand * 1_000m);

    /// <summary>
    /// A per-token price field as USD per 1M tokens; null when not stated or wrong. A value too large to convert (only a
    /// damaged sheet has one) is a problem on the field rather than an <see cref="OverflowException"/> that costs the sheet.
    /// </summary>
    public static decimal? PerTokenField(FieldReader fields, string name)
    {
        if (fields.Price(name) is not { } perToken) return null;
        if (perToken <= MaxPerToken) return PerMillionFromPerToken(perToken);
        fields.Problem(name, string.Create(CultureInfo.InvariantCulture,
            $"'{TextExcerpt.Of(fields.Entry.Field(name).Text)}' per token is too large to be a price (over {MaxPerToken:0.#E+0} per token does not convert to per 1M tokens); the sheet is damaged"));
        return null;
    }

    /// <summary>The same value at its smallest scale (dividing by a one with many zeros drops trailing zeros).</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;
}
