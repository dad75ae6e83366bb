using System.Globalization;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage;

/// <summary>The field types usage exports add to <see cref="FieldReader"/>: instants in their several spellings, and Unix times.</summary>
public static class UsageFields
{
    /// <summary>Every spelling accepted, for messages.</summary>
    public const string InstantForms = "2026-11-20T00:00:00Z, 2026-11-20 00:00:00 (UTC) or 2026-11-20";

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// An instant as FOCUS and the usage APIs write it: ISO 8601 with <c>Z</c> or an offset, the <c>YYYY-MM-DD HH:MM:SS</c>
    /// that real exports write (taken as UTC), or a bare date (midnight UTC). Anything else is a problem naming the forms.
    /// </summary>
    public static DateTimeOffset? Instant(this FieldReader fields, string name, bool required = false)
    {
        var value = fields.Entry.Field(name);
        if (value.Kind == FieldKind.Absent)
        {
            if (required) fields.Problem(name, $"is missing; every {fields.Entry.Noun} needs a {name}");
            return null;
        }

        if (value.Kind == FieldKind.Text && TryParseInstant(value.Text, out var instant)) return instant;
        fields.Problem(name, $"{value.Quoted} is not a date and time in a known form; write {InstantForms}");
        return null;
    }

    /// <summary>How far back a day of usage or evals may lie: older figures cannot reach an assessment window or its trends.</summary>
    public const int MaxYearsBack = 3;

    /// <summary>
    /// A day a team's drop (or the API) gives figures for: from <see cref="MaxYearsBack"/> years before
    /// <paramref name="asOf"/> to the day after it (time zones run ahead of UTC). A day outside is a problem, not a row:
    /// every distinct month is stored in a table of its own, so a file of dates from year 1 to 9999 must not make them.
    /// </summary>
    public static DateOnly? RecentDay(this FieldReader fields, string name, DateTimeOffset asOf, bool required = false)
    {
        if (fields.Date(name, required) is not { } day) return null;
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        var (earliest, latest) = (today.AddYears(-MaxYearsBack), today.AddDays(1));
        if (day >= earliest && day <= latest) return day;
        fields.Problem(name, $"{day:yyyy-MM-dd} is outside {earliest:yyyy-MM-dd} to {latest:yyyy-MM-dd}; daily figures are kept for the last {MaxYearsBack} years and none can lie ahead");
        return null;
    }

    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    /// <summary>Seconds since 1970-01-01 UTC (OpenAI's <c>start_time</c>), a whole number.</summary>
    public static DateTimeOffset? UnixSeconds(this FieldReader fields, string name, bool required = false)
    {
        var value = fields.Entry.Field(name);
        if (value.Kind == FieldKind.Absent)
        {
            if (required) fields.Problem(name, $"is missing; every {fields.Entry.Noun} needs a {name}");
            return null;
        }

        if (value.Kind is FieldKind.Number or FieldKind.Text
            && long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        fields.Problem(name, $"{value.Quoted} is not a Unix time (whole seconds since 1970-01-01 UTC)");
        return null;
    }
}
