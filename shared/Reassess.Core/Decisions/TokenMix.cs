using Reassess.Core.Usage;

namespace Reassess.Core.Decisions;

/// <summary>Average tokens per call over the window, by kind: uncached input u, cached read r, cache write w, output o.</summary>
public readonly record struct TokenMix(decimal Uncached, decimal CachedRead, decimal CacheWrite, decimal Output)
{
    public static TokenMix PerCall(UsageWindow window) => window.Calls <= 0
        ? default
        : new TokenMix(
            (decimal)window.UncachedInputTokens / window.Calls,
            (decimal)window.CachedInputTokens / window.Calls,
            (decimal)window.CacheWriteTokens / window.Calls,
            (decimal)window.OutputTokens / window.Calls);

    /// <summary>The same calls without the share of input a fine-tune no longer needs (few-shot examples, long instructions).</summary>
    public TokenMix WithoutPromptShare(decimal promptReduction) => this with
    {
        Uncached = Uncached * (1 - promptReduction),
        CachedRead = CachedRead * (1 - promptReduction),
        CacheWrite = CacheWrite * (1 - promptReduction),
    };
}
