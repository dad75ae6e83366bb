using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.Focus;

/// <summary>
/// How many tokens a FOCUS row bills. <c>PricingQuantity</c> counts pricing blocks (what was billed): tokens are it times
/// the block size, from <c>x_PricingBlockSize</c>, else the <c>PricingUnit</c> (<c>1K Tokens</c>), else
/// <c>x_PricingUnitDescription</c> (<c>1M</c>), else the meter name, else 1. Without it, <c>ConsumedQuantity</c> counts
/// tokens (times the block its <c>ConsumedUnit</c> names, if any). Exporters disagree on whether
/// <c>ConsumedQuantity</c> is in tokens or in blocks, so when both are given the billed quantity decides.
/// </summary>
public static class FocusTokens
{
    private const string QuantityRule = "a quantity must be 0 or more";

    /// <summary>The most tokens one row can stand for: what a token count (a long) holds.</summary>
    private const decimal MaxTokens = long.MaxValue;

    /// <returns>The tokens, or null with the problem noted on <paramref name="fields"/>; <paramref name="disagrees"/> when the consumed quantity told another story.</returns>
    public static long? Read(FieldReader fields, AzureTokenMeter meter, out bool disagrees)
    {
        disagrees = false;
        var pricing = fields.Decimal(FocusColumns.PricingQuantity, 0m, null, QuantityRule);
        var consumed = fields.Decimal(FocusColumns.ConsumedQuantity, 0m, null, QuantityRule);
        var stated = fields.Decimal(FocusColumns.PricingBlockSize, 0m, null, "a block size must be more than 0");
        if (!fields.IsValid) return null;

        decimal tokens;
        if (pricing is { } billed)
        {
            var block = (stated is > 0 ? stated : null)
                        ?? BlockOf(fields.Text(FocusColumns.PricingUnit))
                        ?? BlockOf(fields.Text(FocusColumns.PricingUnitDescription))
                        ?? meter.BlockSize
                        ?? 1m;
            if (TooMany(fields, FocusColumns.PricingQuantity, billed, block)) return null;
            tokens = billed * block;
            disagrees = consumed is { } c && c != tokens && c != billed;
        }
        else if (consumed is { } used)
        {
            var block = BlockOf(fields.Text(FocusColumns.ConsumedUnit)) ?? 1m;
            if (TooMany(fields, FocusColumns.ConsumedQuantity, used, block)) return null;
            tokens = used * block;
        }
        else
        {
            fields.Problem(FocusColumns.PricingQuantity, "is missing, and so is ConsumedQuantity; a usage row needs one of them");
            return null;
        }

        return (long)decimal.Round(tokens, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>True (with the problem noted) when the quantity times its block is more tokens than a count holds: a damaged row, not an overflow.</summary>
    private static bool TooMany(FieldReader fields, string column, decimal quantity, decimal block)
    {
        if (quantity <= MaxTokens / block) return false;
        fields.Problem(column, $"'{TextExcerpt.Of(fields.Entry.Field(column).Text)}' blocks of {block:0.#} tokens is more tokens than a row can bill; the quantity is damaged");
        return true;
    }

    /// <summary>The block a unit names: <c>1K Tokens</c> → 1,000, <c>1M</c> → 1,000,000; null for <c>Tokens</c> or anything else.</summary>
    public static decimal? BlockOf(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return null;
        var first = unit.Trim().Split(' ', 2)[0].ToLowerInvariant();
        return AzureTokenMeter.BlockSizeOf(first);
    }
}
