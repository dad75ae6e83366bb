namespace Reassess.Core.Usage;

/// <summary>
/// Which source counts when several report the same workload, day and model (the rows are all stored, keyed by
/// source, so nothing is lost and re-ingesting rewrites the same rows; this decides what an assessment uses). Each
/// measure is taken whole from the highest-ranked source that reports it, so token kinds are never mixed across
/// sources and a source without a request count (Anthropic, FOCUS) lends its tokens while another lends the calls:
/// <list type="number">
/// <item>the provider's own usage API (<c>openai</c>, <c>anthropic</c>): billing-grade counts straight from the provider;</item>
/// <item><c>focus</c> billing exports: billed tokens with the cached split, no calls;</item>
/// <item><c>azure-monitor</c>: the serving resource's request and token metrics (no cached split);</item>
/// <item>teams' own drops (<c>gateway</c>, <c>drop</c>, any other name): the only source of p95 latency and format checks;</item>
/// <item>cost reports (<c>openai-costs</c>, <c>anthropic-costs</c>): cost only.</item>
/// </list>
/// Sources of equal rank are taken in name order, so the choice never depends on which was ingested first.
/// </summary>
public static class SourcePrecedence
{
    public static int Rank(string source)
    {
        if (UsageSourceNames.IsCostOnly(source)) return 4;
        return source.ToLowerInvariant() switch
        {
            UsageSourceNames.OpenAi or UsageSourceNames.Anthropic => 0,
            UsageSourceNames.Focus => 1,
            UsageSourceNames.AzureMonitor => 2,
            _ => 3,
        };
    }

    /// <summary>
    /// One row for one workload, day and model out of what every source said, and which source gave what (null when
    /// only one source reported, so there was nothing to choose).
    /// </summary>
    public static (DailyUsage Row, SourceChoice? Choice) Resolve(IReadOnlyList<DailyUsage> sameDayAndModel)
    {
        ArgumentNullException.ThrowIfNull(sameDayAndModel);
        if (sameDayAndModel.Count == 0) throw new ArgumentException("nothing to resolve", nameof(sameDayAndModel));
        if (sameDayAndModel.Count == 1) return (sameDayAndModel[0], null);

        var ranked = sameDayAndModel
            .OrderBy(r => Rank(r.Source)).ThenBy(r => r.Source, StringComparer.Ordinal)
            .ToList();
        var calls = ranked.FirstOrDefault(r => r.HasCallCount && r.Calls > 0);
        var tokens = ranked.FirstOrDefault(r => r.TotalTokens > 0);
        var latency = ranked.FirstOrDefault(r => r.LatencyP95Ms is not null);
        var format = ranked.FirstOrDefault(r => r.FormatChecked is not null);
        var cost = ranked.FirstOrDefault(r => r.Cost is not null);
        var first = ranked[0];

        var row = first with
        {
            Source = string.Join("+", ranked.Select(r => r.Source)),
            Calls = calls?.Calls ?? 0,
            CallsReported = calls is not null || !ranked.Any(r => r.ReportsUsage),
            UncachedInputTokens = tokens?.UncachedInputTokens ?? 0,
            CachedInputTokens = tokens?.CachedInputTokens ?? 0,
            CacheWriteTokens = tokens?.CacheWriteTokens ?? 0,
            OutputTokens = tokens?.OutputTokens ?? 0,
            LatencyP95Ms = latency?.LatencyP95Ms,
            FormatChecked = format?.FormatChecked,
            FormatViolations = format?.FormatViolations,
            Cost = cost?.Cost,
            Currency = cost?.Currency,
        };
        var choice = new SourceChoice(
            calls?.Source, tokens?.Source, latency?.Source, format?.Source,
            ranked.Select(r => r.Source).ToList());
        return (row, choice);
    }
}

/// <summary>Which source gave each measure of a day several sources reported (null: none of them reported it).</summary>
public sealed record SourceChoice(string? Calls, string? Tokens, string? Latency, string? FormatChecks, IReadOnlyList<string> Reporting)
{
    /// <summary>The sources whose figures were used.</summary>
    public IEnumerable<string> Used => new[] { Calls, Tokens, Latency, FormatChecks }.OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>What <paramref name="source"/> gave: <c>calls, latency and format checks</c>, or <c>not used</c>.</summary>
    public string Measures(string source)
    {
        var gave = Named().Where(m => m.From == source).Select(m => m.Name).ToList();
        return gave.Count == 0 ? "not used" : JoinWords(gave);
    }

    /// <summary><c>reported by anthropic, gateway: tokens from anthropic; calls, latency and format checks from gateway</c>.</summary>
    public override string ToString()
    {
        var parts = Named().Where(m => m.From is not null)
            .GroupBy(m => m.From!, StringComparer.Ordinal)
            .Select(g => $"{JoinWords(g.Select(m => m.Name).ToList())} from {g.Key}")
            .ToList();
        var unused = Reporting.Except(Used, StringComparer.Ordinal).ToList();
        var ignored = unused.Count > 0 ? $"; {string.Join(", ", unused)} not used" : "";
        var noCalls = Calls is null ? "; no source gives a call count" : "";
        return $"reported by {string.Join(", ", Reporting)}: {string.Join("; ", parts)}{noCalls}{ignored}";
    }

    private (string Name, string? From)[] Named() =>
        [("calls", Calls), ("tokens", Tokens), ("latency", Latency), ("format checks", FormatChecks)];

    private static string JoinWords(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} and {words[^1]}";
}
