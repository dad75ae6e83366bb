namespace Reassess.Core.Usage;

/// <summary>Turns stored daily rows and eval points into the window an assessment is computed on.</summary>
public static class UsageWindowBuilder
{
    /// <summary>Quality evidence looks back further than usage: a plateau needs weeks of points.</summary>
    public const int EvalLookbackDays = 56;

    /// <summary>The <paramref name="days"/> full UTC days before <paramref name="assessedAt"/>.</summary>
    public static (DateOnly From, DateOnly To) WindowBounds(DateTimeOffset assessedAt, int days)
    {
        var to = DateOnly.FromDateTime(assessedAt.UtcDateTime).AddDays(-1);
        return (to.AddDays(-(days - 1)), to);
    }

    public static UsageWindow Build(
        IEnumerable<DailyUsage> rows, IEnumerable<EvalPoint> evals, DateTimeOffset assessedAt, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var (from, to) = WindowBounds(assessedAt, days);
        var inWindow = rows.Where(r => r.Day >= from && r.Day <= to).ToList();

        long latencyCalls = 0;
        decimal latencyWeighted = 0;
        foreach (var day in inWindow.Where(r => r.LatencyP95Ms is not null && r.Calls > 0))
        {
            latencyCalls += day.Calls;
            latencyWeighted += day.LatencyP95Ms!.Value * day.Calls;
        }

        var evalFrom = to.AddDays(-(EvalLookbackDays - 1));
        var scores = evals
            .Where(e => e.Day >= evalFrom && e.Day <= to)
            .OrderBy(e => e.Day).ThenBy(e => e.Suite, StringComparer.Ordinal)
            .Select(e => e.Score)
            .ToList();

        return new UsageWindow
        {
            Days = days,
            From = from,
            To = to,
            Calls = inWindow.Sum(r => r.Calls),
            UncachedInputTokens = inWindow.Sum(r => r.UncachedInputTokens),
            CachedInputTokens = inWindow.Sum(r => r.CachedInputTokens),
            CacheWriteTokens = inWindow.Sum(r => r.CacheWriteTokens),
            OutputTokens = inWindow.Sum(r => r.OutputTokens),
            LatencyP95Ms = latencyCalls > 0 ? latencyWeighted / latencyCalls : null,
            FormatChecked = inWindow.Sum(r => r.FormatChecked ?? 0),
            FormatViolations = inWindow.Sum(r => r.FormatViolations ?? 0),
            EvalScores = scores,
            DaysWithUsage = inWindow.Where(r => r.Calls > 0).Select(r => r.Day).Distinct().Count(),
            Sources = inWindow.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
