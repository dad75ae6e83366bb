using System.Globalization;
using System.Text;

namespace Reassess.Tools.Bench;

/// <summary>
/// Writes a synthetic FOCUS 1.2 cost export of a given size, in Microsoft's column set (104 columns with its
/// <c>x_</c> extensions), for measuring the FOCUS reader: a month of days, six workloads' Azure OpenAI token meters
/// (input, cached input, output, across models) tagged by workload, mixed with the other services an export carries
/// (VM hours, storage, purchases), <c>NULL</c> literals, and both timestamp spellings. Seeded, so every run writes
/// the same file. Written a row at a time: memory stays flat whatever the size.
/// </summary>
public static class FocusExportWriter
{
    public static readonly string[] Columns =
    [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingAccountType", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
        "CapacityReservationId", "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd",
        "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountQuantity",
        "CommitmentDiscountStatus", "CommitmentDiscountType", "CommitmentDiscountUnit", "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
        "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory", "PricingCurrency",
        "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType",
        "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId", "SkuMeter", "SkuPriceDetails", "SkuPriceId", "SubAccountId", "SubAccountName",
        "SubAccountType", "Tags", "x_AccountId", "x_AccountName", "x_AccountOwnerId", "x_AmortizationClass", "x_BilledCostInUsd", "x_BilledUnitPrice",
        "x_BillingAccountId", "x_BillingAccountName", "x_BillingExchangeRate", "x_BillingExchangeRateDate", "x_BillingProfileId", "x_BillingProfileName",
        "x_ContractedCostInUsd", "x_CostAllocationRuleName", "x_CostCenter", "x_CustomerId", "x_CustomerName", "x_EffectiveCostInUsd",
        "x_EffectiveUnitPrice", "x_InvoiceIssuerId", "x_InvoiceSectionId", "x_InvoiceSectionName", "x_ListCostInUsd", "x_PartnerCreditApplied",
        "x_PartnerCreditRate", "x_PricingBlockSize", "x_PricingSubcategory", "x_PricingUnitDescription", "x_PublisherCategory", "x_PublisherId",
        "x_ResellerId", "x_ResellerName", "x_ResourceGroupName", "x_ResourceType", "x_ServiceModel", "x_ServicePeriodEnd", "x_ServicePeriodStart",
        "x_SkuDescription", "x_SkuIsCreditEligible", "x_SkuMeterCategory", "x_SkuMeterId", "x_SkuMeterSubcategory", "x_SkuOfferId", "x_SkuOrderId",
        "x_SkuOrderName", "x_SkuPartNumber", "x_SkuPlanName", "x_SkuRegion", "x_SkuServiceFamily", "x_SkuTerm", "x_SkuTier",
    ];

    /// <summary>The workloads the token rows are tagged with (<c>tag:workload</c>), as in the samples.</summary>
    public static readonly string[] Workloads = ["ticket-triage", "invoice-extraction", "support-chat", "code-review", "product-tagging", "contract-summaries"];

    // Real Azure OpenAI meter names (the retail price list) with a price per 1K tokens.
    private static readonly (string Meter, decimal PerK)[] TokenMeters =
    [
        ("gpt-4o-mini-0718-Inp-glbl Tokens", 0.00015m), ("gpt 4o mini 0718 cached Inp glbl Tokens", 0.000075m), ("gpt-4o-mini-0718-Outp-glbl Tokens", 0.0006m),
        ("gpt 4.1 Inp glbl Tokens", 0.002m), ("gpt 4.1 cached Inp glbl Tokens", 0.0005m), ("gpt 4.1 Outp glbl Tokens", 0.008m),
        ("gpt 4.1 mini Batch Inp glbl Tokens", 0.0002m), ("gpt 4.1 mini Batch Outp glbl Tokens", 0.0008m),
        ("GPT 5 Mini Inpt Glbl 1M Tokens", 0.25m), ("GPT 5 Mini outpt Glbl 1M Tokens", 2m),
    ];

    private static readonly (string Meter, string Service, string Unit, decimal Price)[] OtherMeters =
    [
        ("D4s v5", "Virtual Machines", "1 Hour", 0.192m), ("Hot LRS Data Stored", "Storage", "1 GB/Month", 0.0184m),
        ("gpt-4.1-mini-ft hosting global Unit", "Azure OpenAI", "1 Hour", 1.7m), ("Standard Data Processed", "Load Balancer", "1 GB", 0.005m),
    ];

    /// <summary>Writes about <paramref name="bytes"/> bytes (whole rows) to <paramref name="path"/>; returns the data rows written.</summary>
    public static async Task<long> WriteAsync(string path, long bytes, DateOnly firstDay, int days, CancellationToken cancellationToken)
    {
        var random = new Random(20261123);
        var inv = CultureInfo.InvariantCulture;
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: false);
        await using var text = new StreamWriter(file, new UTF8Encoding(false), 1 << 20);
        await text.WriteLineAsync(string.Join(',', Columns));

        var values = new string[Columns.Length];
        var index = Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        long rows = 0;
        while (file.Position + text.Encoding.GetMaxByteCount(0) < bytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Fill(values, "NULL");
            var day = firstDay.AddDays((int)(rows % days));
            var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var workload = Workloads[random.Next(Workloads.Length)];
            void Set(string column, string value) => values[index[column]] = value;

            Set("BillingAccountId", "/providers/Microsoft.Billing/billingAccounts/7f3d2c1a-0000-4000-8000-000000000001");
            Set("BillingAccountName", "Contoso Ltd");
            Set("BillingAccountType", "Billing Profile");
            Set("BillingCurrency", "USD");
            Set("PricingCurrency", "USD");
            Set("BillingPeriodStart", $"{firstDay:yyyy-MM}-01T00:00:00Z");
            Set("BillingPeriodEnd", $"{firstDay.AddMonths(1):yyyy-MM}-01T00:00:00Z");
            // Both spellings real exports use.
            Set("ChargePeriodStart", rows % 2 == 0 ? start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv) : start.ToString("yyyy-MM-dd HH:mm:ss", inv));
            Set("ChargePeriodEnd", start.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv));
            Set("ChargeFrequency", "Usage-Based");
            Set("ProviderName", "Microsoft");
            Set("PublisherName", "Microsoft");
            Set("InvoiceIssuerName", "Microsoft");
            Set("RegionId", "eastus2");
            Set("RegionName", "East US 2");
            Set("SubAccountId", "/subscriptions/0a1b2c3d-0000-4000-8000-00000000000" + (rows % 3).ToString(inv));
            Set("SubAccountName", "ai-platform-prod");
            Set("SubAccountType", "Subscription");
            Set("x_ResourceGroupName", "rg-" + workload);
            Set("x_BillingProfileId", "/providers/Microsoft.Billing/billingAccounts/7f3d/billingProfiles/ABCD-EFGH");
            Set("x_BillingProfileName", "Contoso Engineering");
            Set("x_CostCenter", "CC-" + (1000 + Array.IndexOf(Workloads, workload) * 100).ToString(inv));
            Set("x_SkuTerm", "NULL");
            Set("Tags", $"{{\"workload\":\"{workload}\",\"team\":\"team-{workload[..4]}\",\"env\":\"prod\"}}");

            var roll = random.Next(100);
            if (roll < 80) TokenRow(values, index, random, workload, inv);
            else OtherRow(values, index, random, workload, roll < 97 ? "Usage" : roll < 99 ? "Purchase" : "Tax", inv);

            await text.WriteLineAsync(string.Join(',', values.Select(Quote)));
            rows++;
        }

        return rows;
    }

    private static void TokenRow(string[] values, Dictionary<string, int> index, Random random, string workload, CultureInfo inv)
    {
        var (meter, perK) = TokenMeters[random.Next(TokenMeters.Length)];
        var perMillion = meter.Contains("1M", StringComparison.Ordinal);
        var block = perMillion ? 1_000_000m : 1_000m;
        var quantity = decimal.Round((decimal)(random.NextDouble() * (perMillion ? 5 : 5_000)), 3);
        var cost = decimal.Round(quantity * perK, 6);
        void Set(string column, string value) => values[index[column]] = value;

        Set("ChargeCategory", "Usage");
        Set("ChargeDescription", meter);
        Set("SkuMeter", meter);
        Set("ServiceName", "Azure OpenAI");
        Set("ServiceCategory", "AI and Machine Learning");
        Set("ResourceType", "Azure OpenAI");
        Set("x_ResourceType", "microsoft.cognitiveservices/accounts");
        Set("ResourceName", "aoai-" + workload);
        Set("ResourceId", $"/subscriptions/0a1b2c3d-0000-4000-8000-000000000000/resourcegroups/rg-{workload}/providers/microsoft.cognitiveservices/accounts/aoai-{workload}");
        Set("SkuId", "DZH318Z08M22");
        Set("SkuPriceId", "DZH318Z08M22/003V");
        Set("x_SkuMeterId", "0b7b4b21-3a2f-5f7c-9c77-" + random.Next(100_000_000).ToString("D12", inv));
        Set("x_SkuMeterCategory", "Cognitive Services");
        Set("x_SkuMeterSubcategory", "Azure OpenAI");
        Set("ConsumedQuantity", (quantity * block).ToString(inv));
        Set("ConsumedUnit", "Tokens");
        Set("PricingQuantity", quantity.ToString(inv));
        Set("PricingUnit", perMillion ? "1M Tokens" : "1K Tokens");
        Set("x_PricingBlockSize", block.ToString(inv));
        Set("x_PricingUnitDescription", perMillion ? "1M" : "1K");
        Set("PricingCategory", "Standard");
        Money(values, index, cost, perK, inv);
    }

    private static void OtherRow(string[] values, Dictionary<string, int> index, Random random, string workload, string category, CultureInfo inv)
    {
        var (meter, service, unit, price) = OtherMeters[random.Next(OtherMeters.Length)];
        var quantity = decimal.Round((decimal)(random.NextDouble() * 24), 4);
        void Set(string column, string value) => values[index[column]] = value;

        Set("ChargeCategory", category);
        Set("ChargeDescription", meter);
        Set("SkuMeter", meter);
        Set("ServiceName", service);
        Set("ServiceCategory", service == "Storage" ? "Storage" : "Compute");
        Set("ResourceName", $"{service.ToLowerInvariant().Replace(' ', '-')}-{workload}");
        Set("ResourceId", $"/subscriptions/0a1b2c3d-0000-4000-8000-000000000000/resourcegroups/rg-{workload}/providers/microsoft.compute/virtualmachines/vm-{workload}");
        Set("ConsumedQuantity", quantity.ToString(inv));
        Set("ConsumedUnit", unit);
        Set("PricingQuantity", quantity.ToString(inv));
        Set("PricingUnit", unit);
        Set("x_PricingBlockSize", "1");
        Money(values, index, decimal.Round(quantity * price, 6), price, inv);
    }

    private static void Money(string[] values, Dictionary<string, int> index, decimal cost, decimal unitPrice, CultureInfo inv)
    {
        foreach (var column in new[] { "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "x_BilledCostInUsd", "x_EffectiveCostInUsd", "x_ListCostInUsd", "x_ContractedCostInUsd" })
            values[index[column]] = cost.ToString(inv);
        foreach (var column in new[] { "ListUnitPrice", "ContractedUnitPrice", "x_EffectiveUnitPrice", "x_BilledUnitPrice" })
            values[index[column]] = unitPrice.ToString(inv);
        values[index["x_BillingExchangeRate"]] = "1";
    }

    // RFC 4180 quoting only, not CsvCell's spreadsheet neutralising: the file stands in for a provider's FOCUS export
    // (which comes as it is) as input for the FOCUS reader, and is never handed to people.
    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
