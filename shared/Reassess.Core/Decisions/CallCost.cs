using Reassess.Core.Prices;

namespace Reassess.Core.Decisions;

/// <summary>What one call costs at a price record: <c>(u·input + r·cachedInput + w·cacheWrite + o·output) / 1e6</c>.</summary>
public static class CallCost
{
    /// <remarks>
    /// A missing cached or cache-write price falls back to the input price in effect; a batch workload pays the
    /// batch prices where the sheet has them. Long-context tiers (<see cref="PriceRecord.Tiers"/>) apply as the sheets
    /// define them: once the call's prompt <c>u + r + w</c> is longer than a tier's threshold, every token of that
    /// tier's kind costs the tier's price (the highest threshold passed wins), as genai-prices' <c>calcPrice</c> does.
    /// For a window's average call the prompt is the average prompt, so a workload whose calls straddle a threshold is
    /// priced as if every call had the average length.
    /// </remarks>
    public static decimal Of(PriceRecord price, TokenMix mix, bool batch)
    {
        var prompt = mix.Uncached + mix.CachedRead + mix.CacheWrite;
        var input = (batch ? price.BatchInputPerMTok : null) ?? InEffect(price, PriceNames.Input, price.InputPerMTok, prompt) ?? 0m;
        var output = (batch ? price.BatchOutputPerMTok : null) ?? InEffect(price, PriceNames.Output, price.OutputPerMTok, prompt) ?? 0m;
        var cachedRead = InEffect(price, PriceNames.CachedInput, price.CachedInputPerMTok, prompt) ?? input;
        var cacheWrite = InEffect(price, PriceNames.CacheWrite, price.CacheWritePerMTok, prompt) ?? input;
        return (mix.Uncached * input + mix.CachedRead * cachedRead + mix.CacheWrite * cacheWrite + mix.Output * output)
               / Units.TokensPerPriceUnit;
    }

    /// <summary>The price of one kind for a prompt of <paramref name="prompt"/> tokens: its tier's once the prompt is longer than the tier's threshold, else the base price.</summary>
    private static decimal? InEffect(PriceRecord price, string name, decimal? basePrice, decimal prompt)
    {
        if (price.Tiers is not { } tiers) return basePrice;
        var inEffect = basePrice;
        long passed = -1;
        foreach (var tier in tiers)
        {
            if (tier.Price == name && prompt > tier.AboveTokens && tier.AboveTokens > passed)
                (inEffect, passed) = (tier.PerMTok, tier.AboveTokens);
        }

        return inEffect;
    }
}
