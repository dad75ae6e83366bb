namespace Reassess.Core.Usage;

/// <summary>
/// Running totals of the usage rows that share one key (a day, a model, a set of dimensions): an export of millions
/// of lines costs one of these per key, not one object per line. Calls stay unknown when any row added had none;
/// latencies combine weighted by calls (by row when calls are unknown); cost adds up while the currency agrees.
/// </summary>
public sealed class UsageTally
{
    private decimal _p95Weighted;
    private decimal _p95Weight;
    private decimal _meanWeighted;
    private decimal _meanWeight;
    private bool _currencyConflict;

    public long Rows { get; private set; }
    public long KnownCalls { get; private set; }
    public bool AnyWithoutCalls { get; private set; }
    public long UncachedInputTokens { get; private set; }
    public long CachedInputTokens { get; private set; }
    public long CacheWriteTokens { get; private set; }
    public long OutputTokens { get; private set; }
    public decimal? Cost { get; private set; }
    public string? Currency { get; private set; }
    public bool PartialDay { get; private set; }
    public DateOnly FirstDay { get; private set; } = DateOnly.MaxValue;
    public DateOnly LastDay { get; private set; } = DateOnly.MinValue;

    /// <summary>Total calls, or null when some row had no call count (a partial sum would read as a real one).</summary>
    public long? Calls => AnyWithoutCalls ? null : KnownCalls;

    public long TotalTokens => UncachedInputTokens + CachedInputTokens + CacheWriteTokens + OutputTokens;

    public decimal? LatencyP95Ms => _p95Weight > 0 ? decimal.Round(_p95Weighted / _p95Weight, 1) : null;

    public decimal? LatencyMeanMs => _meanWeight > 0 ? decimal.Round(_meanWeighted / _meanWeight, 1) : null;

    public void Add(MeteredUsage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Add(row.Day, row.Calls, row.UncachedInputTokens, row.CachedInputTokens, row.CacheWriteTokens, row.OutputTokens,
            row.LatencyP95Ms, row.LatencyMeanMs, row.Cost, row.Currency);
        PartialDay |= row.PartialDay;
    }

    private void Add(DateOnly day, long? calls, long uncached, long cached, long cacheWrite, long output,
        decimal? p95, decimal? mean, decimal? cost, string? currency)
    {
        Rows++;
        if (day < FirstDay) FirstDay = day;
        if (day > LastDay) LastDay = day;
        if (calls is { } c) KnownCalls += c;
        else AnyWithoutCalls = true;
        UncachedInputTokens += uncached;
        CachedInputTokens += cached;
        CacheWriteTokens += cacheWrite;
        OutputTokens += output;

        decimal weight = calls is > 0 ? calls.Value : 1;
        if (p95 is { } p)
        {
            _p95Weighted += p * weight;
            _p95Weight += weight;
        }

        if (mean is { } m)
        {
            _meanWeighted += m * weight;
            _meanWeight += weight;
        }

        AddCost(cost, currency);
    }

    private void AddCost(decimal? cost, string? currency)
    {
        if (cost is not { } amount || _currencyConflict) return;
        if (Cost is null)
        {
            Cost = amount;
            Currency = currency;
            return;
        }

        if (!string.Equals(Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            // Two currencies cannot be added up; finance gets no figure rather than a wrong one.
            _currencyConflict = true;
            Cost = null;
            Currency = null;
            return;
        }

        Cost += amount;
    }
}
