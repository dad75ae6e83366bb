using Reassess.Core.Prices;

namespace Reassess.Storage.Prices;

/// <summary>What storing a price sheet did: the records that changed a price (written) and how many were already in force.</summary>
public sealed record PriceChangeSummary(IReadOnlyList<PriceRecord> Changes, int Unchanged)
{
    public int Written => Changes.Count;
}
