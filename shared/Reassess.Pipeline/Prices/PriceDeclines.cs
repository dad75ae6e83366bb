using Reassess.Core.Prices;

namespace Reassess.Pipeline.Prices;

/// <summary>
/// δ from price history (DESIGN §4: "given, else estimated from price history, else 0"): the baseline model's stored
/// history (one partition query) and its monthly decline as of the assessment instant.
/// </summary>
public static class PriceDeclines
{
    public static async Task<decimal?> EstimateAsync(PipelineContext context, string key, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!PriceKey.TryParse(key, out _, out _)) return null;
        var history = await context.Prices.GetHistoryAsync(PriceKey.Normalize(key), cancellationToken);
        return PriceHistory.EstimateMonthlyDecline(history, asOf);
    }
}
