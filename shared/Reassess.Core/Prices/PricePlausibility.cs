using System.Globalization;

namespace Reassess.Core.Prices;

/// <summary>
/// The checks every price passes before it is stored, whatever sheet it came from: wrong prices look exactly like
/// right ones, so a price that cannot be real is refused with its reason rather than let through to a verdict.
/// </summary>
public static class PricePlausibility
{
    /// <summary>No model is priced anywhere near this per 1M tokens; a price above it is a unit error (per token vs per 1M).</summary>
    public const decimal MaxPerMTok = 1_000m;

    /// <summary>Fine-tuned deployments are hosted for a few dollars an hour; above this the unit or the figure is wrong.</summary>
    public const decimal MaxPerHour = 1_000m;

    /// <summary>Why the record cannot be stored, or null when every price it states is plausible.</summary>
    public static string? Problem(PriceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<string>();
        foreach (var (name, value) in record.StatedPrices()) Check(name, value, problems);
        foreach (var tier in record.Tiers ?? Enumerable.Empty<PriceTier>())
            Check($"{tier.Price} above {tier.AboveTokens.ToString("N0", CultureInfo.InvariantCulture)} tokens", tier.PerMTok, problems);
        if (!string.Equals(record.Currency, "USD", StringComparison.OrdinalIgnoreCase))
            problems.Add($"currency {record.Currency} is not supported; prices must be in USD");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static void Check(string name, decimal value, List<string> problems)
    {
        var hourly = PriceNames.IsHourly(name);
        var written = value.ToString(CultureInfo.InvariantCulture);
        if (value < 0)
            problems.Add($"{name} {written} is negative; a price must be 0 or more");
        else if (hourly && value > MaxPerHour)
            problems.Add($"{name} {written} is over ${MaxPerHour:N0} per hour, which no hosting or training hour costs; check the unit");
        else if (!hourly && value > MaxPerMTok)
            problems.Add($"{name} {written} is over ${MaxPerMTok:N0} per 1M tokens, which no model costs; check the unit (per token, per 1K or per 1M)");
    }
}
