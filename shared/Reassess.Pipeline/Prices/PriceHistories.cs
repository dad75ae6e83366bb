using Reassess.Core.Prices;

namespace Reassess.Pipeline.Prices;

/// <summary>
/// A baseline key's stored price history (one partition query), from which the engine estimates the workload's δ
/// with its own token mix when the workload states none.
/// </summary>
public static class PriceHistories
{
    public static async Task<IReadOnlyList<PriceRecord>> GetAsync(PipelineContext context, string key, CancellationToken cancellationToken) =>
        PriceKey.TryParse(key, out _, out _) ? await context.Prices.GetHistoryAsync(PriceKey.Normalize(key), cancellationToken) : [];
}
