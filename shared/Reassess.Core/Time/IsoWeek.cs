using System.Globalization;

namespace Reassess.Core.Time;

/// <summary>An ISO 8601 week, the period of the weekly reassessment and report (<c>2026-W48</c>).</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly day) =>
        new(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));

    public static IsoWeek Of(DateTimeOffset instant) => Of(DateOnly.FromDateTime(instant.UtcDateTime));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>Monday 00:00 UTC: the instant a week's assessment is made as of, so every run in that week gives the same rows.</summary>
    public DateTimeOffset Start => new(Monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    public IsoWeek Next => Of(Monday.AddDays(7));

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is null || text.Length != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        if (year < 1 || year > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return false;
        week = new IsoWeek(year, number);
        return true;
    }

    /// <summary>The week <paramref name="text"/> names (<c>2026-W07</c>); an <see cref="ArgumentException"/> saying so when it names none.</summary>
    public static IsoWeek Parse(string text) =>
        TryParse(text, out var week) ? week : throw new ArgumentException($"'{text}' is not an ISO week; expected yyyy-Www, e.g. 2026-W07.", nameof(text));

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public override string ToString() => $"{Year:D4}-W{Week:D2}";
}
