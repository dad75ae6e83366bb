namespace Reassess.Sources.Prices;

/// <summary>
/// The Azure Retail Prices API query for Azure OpenAI prices of one region. Azure lists these meters under service
/// <c>Cognitive Services</c> and, for newer models, <c>Foundry Models</c>; both are asked for. Filter values are
/// case-sensitive since API version 2023-01-01-preview, so names are written exactly.
/// </summary>
public static class AzureRetailQuery
{
    public const string Endpoint = "https://prices.azure.com/api/retail/prices";
    public const string ApiVersion = "2023-01-01-preview";
    public const string DefaultRegion = "eastus2";

    /// <summary>The <c>$filter</c>: either service name, the region, pay-as-you-go prices only.</summary>
    public static string Filter(string region = DefaultRegion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var services = string.Join(" or ", AzureRetailReader.ServiceNames.Select(s => $"serviceName eq '{s}'"));
        return $"({services}) and armRegionName eq '{region.Replace("'", "''", StringComparison.Ordinal)}' and type eq 'Consumption'";
    }

    /// <summary>The first page's URL at <paramref name="endpoint"/> (the public API unless given; a test server otherwise).</summary>
    public static Uri Build(string region = DefaultRegion, string endpoint = Endpoint) =>
        new($"{endpoint}?api-version={ApiVersion}&currencyCode='USD'&$filter={Uri.EscapeDataString(Filter(region))}");

    /// <summary>
    /// A configured URL as the first page to pull: the public endpoint without a <c>$filter</c> gets the Azure OpenAI
    /// query for the default region (pulling the whole price list would take thousands of pages); any other URL is
    /// taken as written.
    /// </summary>
    public static Uri FirstPage(Uri configured)
    {
        var isApi = configured.Host.Equals("prices.azure.com", StringComparison.OrdinalIgnoreCase);
        var hasFilter = configured.Query.Contains("$filter", StringComparison.OrdinalIgnoreCase)
                        || configured.Query.Contains("%24filter", StringComparison.OrdinalIgnoreCase);
        return isApi && !hasFilter ? Build(DefaultRegion, configured.GetLeftPart(UriPartial.Path)) : configured;
    }
}
