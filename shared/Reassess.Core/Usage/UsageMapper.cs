using Reassess.Core.Workloads;

namespace Reassess.Core.Usage;

/// <summary>What mapping gave: the workloads' daily rows, the usage nobody claims (totalled), and the partial days seen.</summary>
public sealed record UsageMapping(
    IReadOnlyList<DailyUsage> Rows,
    IReadOnlyList<UnmappedUsage> Unmapped,
    IReadOnlyList<(string Source, DateOnly Day)> PartialDays);

/// <summary>
/// Decides whose usage a source row is by the workloads' <c>usage.match</c> rules (docs/contracts.md): a rule claims a row
/// when the row has the rule's dimension with the rule's value (both without regard to case) and, when the rule names
/// a source, the row comes from that source's family (<c>openai</c> also covers <c>openai-costs</c>). A row claimed by
/// exactly one workload becomes that workload's; rows claimed by none, or by several, are totalled and reported as
/// unmapped rather than guessed at. Rows of one workload, day, source and model are added into one.
/// </summary>
public sealed class UsageMapper
{
    private readonly Dictionary<(string Dimension, string Value), List<(string WorkloadId, string? Source)>> _rules =
        new(new IgnoreCasePair());

    private readonly Dictionary<(string Source, UsageDimensions Dimensions), (string? WorkloadId, string? Reason)> _decided = [];

    public UsageMapper(IEnumerable<Workload> workloads)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        foreach (var workload in workloads)
        foreach (var rule in workload.Usage.Match)
        {
            if (string.IsNullOrWhiteSpace(rule.Dimension) || string.IsNullOrWhiteSpace(rule.Value)) continue;
            var key = (rule.Dimension.Trim(), rule.Value.Trim());
            if (!_rules.TryGetValue(key, out var claims)) _rules[key] = claims = [];
            claims.Add((workload.Id, string.IsNullOrWhiteSpace(rule.Source) ? null : rule.Source.Trim()));
        }
    }

    /// <summary>The workload that claims usage with these dimensions from this source, or null with the reason why none does.</summary>
    public (string? WorkloadId, string? Reason) Decide(string source, UsageDimensions dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (_decided.TryGetValue((source, dimensions), out var known)) return known;

        var family = UsageSourceNames.Family(source);
        var claimants = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in dimensions.Pairs)
        {
            if (!_rules.TryGetValue((name, value), out var claims)) continue;
            foreach (var (workloadId, ruleSource) in claims)
                if (ruleSource is null || string.Equals(ruleSource, family, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(ruleSource, source, StringComparison.OrdinalIgnoreCase))
                    claimants.Add(workloadId);
        }

        (string?, string?) decision = claimants.Count switch
        {
            1 => (claimants.Min, null),
            0 => (null, dimensions.Count == 0
                ? "the source gives no project, key, workspace, deployment or tag to map it by; ask it to group by one"
                : "no workload's usage.match rule matches; add a rule for one of these dimensions to the workload it belongs to"),
            _ => (null, $"the usage.match rules of several workloads ({string.Join(", ", claimants)}) match; make them match one"),
        };
        _decided[(source, dimensions)] = decision;
        return decision;
    }

    public UsageMapping Map(IEnumerable<MeteredUsage> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var mapped = new Dictionary<(string Workload, DateOnly Day, string Source, string Model), UsageTally>();
        var unmapped = new Dictionary<(string Source, UsageDimensions Dimensions), (UsageTally Tally, string Reason)>();
        var partial = new SortedSet<(string Source, DateOnly Day)>();

        foreach (var row in rows)
        {
            if (row.PartialDay) partial.Add((row.Source, row.Day));
            var (workloadId, reason) = Decide(row.Source, row.Dimensions);
            if (workloadId is not null)
            {
                var key = (workloadId, row.Day, row.Source, row.Model);
                if (!mapped.TryGetValue(key, out var tally)) mapped[key] = tally = new UsageTally();
                tally.Add(row);
                continue;
            }

            if (!unmapped.TryGetValue((row.Source, row.Dimensions), out var lost))
                unmapped[(row.Source, row.Dimensions)] = lost = (new UsageTally(), reason!);
            lost.Tally.Add(row);
        }

        var daily = mapped
            .OrderBy(m => m.Key.Workload, StringComparer.Ordinal).ThenBy(m => m.Key.Day)
            .ThenBy(m => m.Key.Source, StringComparer.Ordinal).ThenBy(m => m.Key.Model, StringComparer.Ordinal)
            .Select(m => ToDaily(m.Key.Workload, m.Key.Day, m.Key.Source, m.Key.Model, m.Value))
            .ToList();
        var lostUsage = unmapped
            .Select(u => new UnmappedUsage
            {
                Source = u.Key.Source,
                Dimensions = u.Key.Dimensions,
                Reason = u.Value.Reason,
                FirstDay = u.Value.Tally.FirstDay,
                LastDay = u.Value.Tally.LastDay,
                Rows = u.Value.Tally.Rows,
                Calls = u.Value.Tally.Calls,
                Tokens = u.Value.Tally.TotalTokens,
                Cost = u.Value.Tally.Cost,
                Currency = u.Value.Tally.Currency,
            })
            .OrderBy(u => u.Source, StringComparer.Ordinal).ThenBy(u => u.Dimensions.ToString(), StringComparer.Ordinal)
            .ToList();
        return new UsageMapping(daily, lostUsage, partial.ToList());
    }

    private static DailyUsage ToDaily(string workloadId, DateOnly day, string source, string model, UsageTally tally) => new()
    {
        WorkloadId = workloadId,
        Day = day,
        Source = source,
        Model = model,
        Calls = tally.Calls ?? 0,
        CallsReported = tally.Calls is not null,
        UncachedInputTokens = tally.UncachedInputTokens,
        CachedInputTokens = tally.CachedInputTokens,
        CacheWriteTokens = tally.CacheWriteTokens,
        OutputTokens = tally.OutputTokens,
        LatencyP95Ms = tally.LatencyP95Ms,
        Cost = tally.Cost,
        Currency = tally.Currency,
    };

    private sealed class IgnoreCasePair : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) pair) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item2));
    }
}
