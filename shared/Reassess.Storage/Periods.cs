using System.Globalization;

namespace Reassess.Storage;

/// <summary>Checks the period labels that become keys and blob folders, so a typo cannot create a stray week.</summary>
internal static class Periods
{
    /// <summary>Returns <paramref name="isoWeek"/> when it is an ISO 8601 week such as <c>2026-W07</c>.</summary>
    public static string IsoWeek(string isoWeek) =>
        IsIsoWeek(isoWeek) ? isoWeek : throw new ArgumentException($"'{isoWeek}' is not an ISO week; expected yyyy-Www, e.g. 2026-W07.", nameof(isoWeek));

    public static bool IsIsoWeek(string? text) =>
        text is { Length: 8 } && text[4] == '-' && text[5] == 'W'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
        && year is >= 1 and <= 9998 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year);

    /// <summary>The Monday an ISO week starts on.</summary>
    public static DateOnly Monday(string isoWeek) =>
        DateOnly.FromDateTime(ISOWeek.ToDateTime(int.Parse(isoWeek[..4], CultureInfo.InvariantCulture),
            int.Parse(isoWeek[6..], CultureInfo.InvariantCulture), DayOfWeek.Monday));
}
