namespace Reassess.Sources.Usage.Focus;

/// <summary>The FOCUS 1.0–1.2 columns (and Microsoft <c>x_</c> extensions) the FOCUS reader uses.</summary>
public static class FocusColumns
{
    public const string ChargePeriodStart = "ChargePeriodStart";
    public const string ChargeCategory = "ChargeCategory";
    public const string ConsumedQuantity = "ConsumedQuantity";
    public const string ConsumedUnit = "ConsumedUnit";
    public const string PricingQuantity = "PricingQuantity";
    public const string PricingUnit = "PricingUnit";
    public const string PricingBlockSize = "x_PricingBlockSize";
    public const string PricingUnitDescription = "x_PricingUnitDescription";
    public const string BilledCost = "BilledCost";
    public const string EffectiveCost = "EffectiveCost";
    public const string BillingCurrency = "BillingCurrency";
    public const string ResourceId = "ResourceId";
    public const string ResourceName = "ResourceName";
    public const string SubAccountId = "SubAccountId";
    public const string Tags = "Tags";

    /// <summary>Where the meter name may be, most specific first: Microsoft's extension, FOCUS 1.1's <c>SkuMeter</c>, the description.</summary>
    public static IReadOnlyList<string> MeterName { get; } = ["x_SkuMeterName", "SkuMeter", "ChargeDescription"];

    public static IReadOnlyList<string> Quantity { get; } = [PricingQuantity, ConsumedQuantity];
}
