using System.Globalization;

namespace Reassess.Core.Reporting.Charts;

/// <summary>
/// Tick labels that stay short: <c>$0</c>, <c>$2.5k</c>, <c>$1.2M</c>; <c>10M</c> calls; <c>12</c> months. Decimals follow
/// the tick step, so neighbouring ticks never read the same. Negative values use the minus sign U+2212.
/// </summary>
public static class AxisFormat
{
    public static string Money(double value, double step) => Compact(value, step, "$");

    public static string Count(double value, double step) => Compact(value, step, "");

    public static string Plain(double value, double step)
    {
        var decimals = Decimals(step, 1);
        var text = Math.Abs(value).ToString("#,##0" + (decimals > 0 ? "." + new string('0', decimals) : ""), CultureInfo.InvariantCulture);
        return Sign(value, decimals) + text;
    }

    /// <summary>A value scaled by k/M/B/T according to the larger of its size and the step's.</summary>
    public static string Compact(double value, double step, string prefix)
    {
        if (value == 0) return prefix + "0";
        var size = Math.Max(Math.Abs(value), Math.Abs(step));
        ReadOnlySpan<(double Unit, string Suffix)> units = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];
        double unit = 1;
        var suffix = "";
        foreach (var (u, s) in units)
        {
            if (size >= u)
            {
                unit = u;
                suffix = s;
                break;
            }
        }

        var decimals = Decimals(step / unit, 2);
        var scaled = Math.Abs(value) / unit;
        var text = scaled.ToString("#,##0" + (decimals > 0 ? "." + new string('0', decimals) : ""), CultureInfo.InvariantCulture);
        return Sign(value / unit, decimals) + prefix + text + suffix;
    }

    /// <summary>Decimals needed to tell ticks <paramref name="step"/> apart (0 for steps of 1 or more, 1 for 0.5 or 0.2, 2 for 0.25).</summary>
    public static int Decimals(double step, int max)
    {
        if (!(step > 0) || !double.IsFinite(step)) return 0;
        for (var decimals = 0; decimals < max; decimals++)
        {
            var scaled = step * Math.Pow(10, decimals);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-9 * Math.Max(1, scaled)) return decimals;
        }

        return max;
    }

    private static string Sign(double value, int decimals) =>
        Math.Round(value, decimals) < 0 ? ReportFormat.Minus : "";
}
