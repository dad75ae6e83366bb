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

    /// <summary>The days whose eval results count: the <see cref="EvalLookbackDays"/> up to the window's last day.</summary>
    public static (DateOnly From, DateOnly To) EvalBounds(DateTimeOffset assessedAt)
    {
        var to = DateOnly.FromDateTime(assessedAt.UtcDateTime).AddDays(-1);
        return (to.AddDays(-(EvalLookbackDays - 1)), to);
    }

    public static UsageWindow Build(
        IEnumerable<DailyUsage> rows, IEnumerable<EvalPoint> evals, DateTimeOffset assessedAt, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var (from, to) = WindowBounds(assessedAt, days);

        // One row per day and model: where several sources reported it, the precedence decides what counts.
        var resolved = rows
            .Where(r => r.Day >= from && r.Day <= to)
            .GroupBy(r => (r.Day, r.Model))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => (Model: g.Key.Model, Resolved: SourcePrecedence.Resolve(g.OrderBy(r => r.Source, StringComparer.Ordinal).ToList())))
            .ToList();
        var withoutCalls = resolved.Where(r => r.Resolved.Row.ReportsUsage && !r.Resolved.Row.HasCallCount).Select(r => r.Resolved.Row.Day).ToHashSet();
        var counted = resolved.Select(r => r.Resolved.Row).Where(r => r.HasCallCount).ToList();
        var daysWithoutCallCount = withoutCalls.Count(d => !counted.Any(r => r.Day == d && r.Calls > 0));

        long latencyCalls = 0;
        decimal latencyWeighted = 0;
        foreach (var day in counted.Where(r => r.LatencyP95Ms is not null && r.Calls > 0))
        {
            latencyCalls += day.Calls;
            latencyWeighted += day.LatencyP95Ms!.Value * day.Calls;
        }

        var (evalFrom, _) = EvalBounds(assessedAt);
        var scored = evals
            .Where(e => e.Day >= evalFrom && e.Day <= to)
            .OrderBy(e => e.Day).ThenBy(e => e.Suite, StringComparer.Ordinal)
            .ToList();

        var sources = SourcesUsed(resolved.Select(r => r.Resolved).ToList());

        return new UsageWindow
        {
            Days = Math.Max(1, days - daysWithoutCallCount),
            From = from,
            To = to,
            Calls = counted.Sum(r => r.Calls),
            UncachedInputTokens = counted.Sum(r => r.UncachedInputTokens),
            CachedInputTokens = counted.Sum(r => r.CachedInputTokens),
            CacheWriteTokens = counted.Sum(r => r.CacheWriteTokens),
            OutputTokens = counted.Sum(r => r.OutputTokens),
            LatencyP95Ms = latencyCalls > 0 ? latencyWeighted / latencyCalls : null,
            FormatChecked = counted.Sum(r => r.FormatChecked ?? 0),
            FormatViolations = counted.Sum(r => r.FormatViolations ?? 0),
            EvalScores = scored.Select(e => e.Score).ToList(),
            EvalDays = scored.Select(e => e.Day).ToList(),
            DaysWithUsage = counted.Where(r => r.Calls > 0).Select(r => r.Day).Distinct().Count(),
            Sources = sources,
            DaysWithoutCallCount = daysWithoutCallCount,
            SourceChoices = resolved
                .Where(r => r.Resolved.Choice is not null)
                .GroupBy(r => $"{r.Model} {r.Resolved.Choice}", StringComparer.Ordinal)
                .Select(g => $"{g.Count()} day(s) of {g.Key}")
                .ToList(),
        };
    }

    /// <summary>
    /// The sources the window's figures came from, by name. Where several sources reported the same day and model, the
    /// name says what the source gave on those shared days — <c>anthropic (tokens on 1 shared day)</c>, <c>focus (not used
    /// on 3 shared days)</c> — so the report that lists the sources says which one counted.
    /// </summary>
    private static IReadOnlyList<string> SourcesUsed(IReadOnlyList<(DailyUsage Row, SourceChoice? Choice)> days)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var shared = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (row, choice) in days)
        {
            if (choice is null)
            {
                names.Add(row.Source);
                continue;
            }

            foreach (var source in choice.Reporting)
            {
                names.Add(source);
                var gave = choice.Measures(source);
                if (!shared.TryGetValue(source, out var counts)) shared[source] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                counts[gave] = counts.GetValueOrDefault(gave) + 1;
            }
        }

        return names.Select(name => shared.TryGetValue(name, out var counts)
                ? $"{name} ({string.Join("; ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} on {c.Value} shared day{(c.Value == 1 ? "" : "s")}"))})"
                : name)
            .ToList();
    }
}
