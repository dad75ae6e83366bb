using System.Globalization;

namespace Reassess.Core.Reporting;

/// <summary>
/// How every figure reads in the human-facing report files (HTML and Markdown), so nothing is formatted twice.
/// Culture-invariant; negative figures use the minus sign U+2212. Machine files (JSON, CSV) use plain invariant numbers.
/// </summary>
public static class ReportFormat
{
    public const int PaybackLimitMonths = Decisions.CostModel.PaybackSearchMonths;

    public const string Minus = "\u2212";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>$1,234.56</c>, <c>−$12.00</c>.</summary>
    public static string Money(decimal amount)
    {
        var rounded = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        var text = "$" + Math.Abs(rounded).ToString("#,##0.00", Invariant);
        return rounded < 0 ? Minus + text : text;
    }

    /// <summary>A per-call cost: two to eight decimals, enough to see fractions of a cent (<c>$0.00049</c>).</summary>
    public static string MoneyPerCall(decimal amount)
    {
        var rounded = decimal.Round(amount, 8, MidpointRounding.AwayFromZero);
        var text = "$" + Math.Abs(rounded).ToString("#,##0.00######", Invariant);
        return rounded < 0 ? Minus + text : text;
    }

    /// <summary>A call count, scaled: <c>950</c>, <c>12.3k</c>, <c>10.0M</c>, <c>1.2B</c>, <c>10.0T</c>.</summary>
    public static string Calls(decimal calls)
    {
        var sign = calls < 0 ? Minus : "";
        var value = Math.Abs(calls);
        if (decimal.Round(value, 0, MidpointRounding.AwayFromZero) < 1000m)
            return sign + decimal.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", Invariant);

        ReadOnlySpan<(decimal Unit, string Suffix)> scales = [(1e3m, "k"), (1e6m, "M"), (1e9m, "B"), (1e12m, "T")];
        for (var i = 0; i < scales.Length; i++)
        {
            var scaled = decimal.Round(value / scales[i].Unit, 1, MidpointRounding.AwayFromZero);
            if (scaled < 1000m || i == scales.Length - 1)
                return sign + scaled.ToString("#,##0.0", Invariant) + scales[i].Suffix;
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A whole count with thousands separators: <c>10,000,893</c>.</summary>
    public static string Count(decimal value)
    {
        var rounded = decimal.Round(value, 0, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("#,##0", Invariant);
        return rounded < 0 ? Minus + text : text;
    }

    public static string Count(long value) => Count((decimal)value);

    /// <summary>Months with one decimal: <c>9.6</c>.</summary>
    public static string Months(decimal months) => Number(months, 1);

    /// <summary>Payback in words: <c>9.6 months</c>, or <c>not within 120 months</c> when there is none.</summary>
    public static string Payback(decimal? months) =>
        months is { } m ? $"{Months(m)} months" : $"not within {PaybackLimitMonths} months";

    /// <summary>A share (0.009) as a percentage: <c>0.9%</c>.</summary>
    public static string Percent(decimal fraction, int decimals = 1) => Number(fraction * 100m, decimals) + "%";

    /// <summary>A change already in percent (−12.86) with its sign: <c>−12.9%</c>, <c>+5.0%</c>, <c>0.0%</c>.</summary>
    public static string PercentChange(decimal percent, int decimals = 1)
    {
        var rounded = decimal.Round(percent, decimals, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString(DecimalsFormat(decimals), Invariant) + "%";
        return rounded switch { > 0 => "+" + text, < 0 => Minus + text, _ => text };
    }

    /// <summary>A plain number with a fixed number of decimals and thousands separators.</summary>
    public static string Number(decimal value, int decimals)
    {
        var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString(DecimalsFormat(decimals), Invariant);
        return rounded < 0 ? Minus + text : text;
    }

    /// <summary>ISO date: <c>2026-11-23</c>.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>The UTC date of an instant.</summary>
    public static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    /// <summary>When a price took effect; an undated sheet's price has been in force since before Reassess first saw it.</summary>
    public static string EffectiveFrom(DateTimeOffset instant) =>
        instant == DateTimeOffset.UnixEpoch ? "undated (since first seen)" : Date(instant);

    /// <summary>An instant in UTC, to the minute: <c>2026-11-23 06:00 UTC</c>.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    /// <summary>An optional date, or an em dash when unknown.</summary>
    public static string Date(DateOnly? day) => day is { } d ? Date(d) : "\u2014";

    private static string DecimalsFormat(int decimals) =>
        decimals <= 0 ? "#,##0" : "#,##0." + new string('0', decimals);
}
