using Reassess.Core.Prices;

namespace Reassess.Core.Decisions;

/// <summary>What one call costs at a price record: <c>(u·input + r·cachedInput + w·cacheWrite + o·output) / 1e6</c>.</summary>
public static class CallCost
{
    /// <remarks>
    /// A missing cached or cache-write price falls back to the input price in effect; a batch workload pays the
    /// batch prices where the sheet has them.
    /// </remarks>
    public static decimal Of(PriceRecord price, TokenMix mix, bool batch)
    {
        var input = (batch ? price.BatchInputPerMTok : null) ?? price.InputPerMTok ?? 0m;
        var output = (batch ? price.BatchOutputPerMTok : null) ?? price.OutputPerMTok ?? 0m;
        var cachedRead = price.CachedInputPerMTok ?? input;
        var cacheWrite = price.CacheWritePerMTok ?? input;
        return (mix.Uncached * input + mix.CachedRead * cachedRead + mix.CacheWrite * cacheWrite + mix.Output * output)
               / Units.TokensPerPriceUnit;
    }
}
