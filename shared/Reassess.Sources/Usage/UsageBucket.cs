namespace Reassess.Sources.Usage;

/// <summary>
/// The UTC day a source's time bucket belongs to. A bucket must lie within one day: a day bucket that starts at
/// 12:09 (a period not asked for from midnight) mixes two days and cannot be split, so it is refused.
/// </summary>
public static class UsageBucket
{
    /// <returns>The day, or null with <paramref name="problem"/> saying why the bucket cannot be given one.</returns>
    public static DateOnly? Day(DateTimeOffset start, DateTimeOffset end, out string? problem)
    {
        problem = null;
        var from = start.UtcDateTime;
        var day = DateOnly.FromDateTime(from);
        if (end <= start)
        {
            problem = $"ends ({end.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z) before it starts ({from:yyyy-MM-dd HH:mm:ss}Z)";
            return null;
        }

        if (end.UtcDateTime > day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
        {
            problem = $"runs from {from:yyyy-MM-dd HH:mm:ss}Z to {end.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, across midnight UTC, so it cannot be given " +
                      "to one day; ask for day buckets from 00:00 UTC";
            return null;
        }

        return day;
    }
}

/// <summary>
/// How much of each day the buckets of an answer cover (empty buckets count: they say "nothing happened"). A day
/// covered less than fully is the edge of the period asked for — its total will still grow — and is marked partial.
/// </summary>
public sealed class DayCoverage
{
    private readonly Dictionary<DateOnly, TimeSpan> _covered = [];

    public void Add(DateOnly day, DateTimeOffset start, DateTimeOffset end) =>
        _covered[day] = _covered.GetValueOrDefault(day) + (end - start);

    public bool IsPartial(DateOnly day) => _covered.TryGetValue(day, out var covered) && covered < TimeSpan.FromDays(1);
}
