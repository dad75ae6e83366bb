using System.Globalization;

namespace Reassess.Core.Decisions;

/// <summary>How figures read inside evidence sentences: invariant culture, so an assessment reads the same everywhere.</summary>
internal static class Evidence
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Calls(decimal calls) => calls switch
    {
        >= 1_000_000_000m => (calls / 1_000_000_000m).ToString("0.0", Invariant) + "B",
        >= 1_000_000m => (calls / 1_000_000m).ToString("0.0", Invariant) + "M",
        >= 10_000m => (calls / 1_000m).ToString("0.0", Invariant) + "k",
        _ => calls.ToString("N0", Invariant),
    };

    public static string Count(long count) => count.ToString("N0", Invariant);

    public static string Number(decimal value, string format = "0.#") => value.ToString(format, Invariant);

    public static string Percent(decimal share) => (share * 100m).ToString("0.00", Invariant) + "%";

    public static string Money(decimal amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("N2", Invariant);

    /// <summary>A small amount (a cost per call) to <paramref name="decimals"/> places, trailing zeros dropped.</summary>
    public static string Money(decimal amount, int decimals) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("0.00" + new string('#', Math.Max(0, decimals - 2)), Invariant);

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", Invariant) ?? "?";
}
