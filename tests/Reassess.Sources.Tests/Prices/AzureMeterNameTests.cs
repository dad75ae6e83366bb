using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

public sealed class AzureMeterNameTests
{
    [Theory]
    [InlineData("gpt-4o-mini-0718-Inp-glbl Tokens", "gpt-4o-mini-0718", AzureMeterKind.Input, "global")]
    [InlineData("gpt 4o mini 0718 cached Inp glbl Tokens", "gpt-4o-mini-0718", AzureMeterKind.CachedInput, "global")]
    [InlineData("gpt 4o mini0718 BatchOutp DataZone Tokens", "gpt-4o-mini-0718", AzureMeterKind.BatchOutput, "data-zone")]
    [InlineData("gpt 4.1 mini Inp Data Zone Tokens", "gpt-4.1-mini", AzureMeterKind.Input, "data-zone")]
    [InlineData("GPT 5 Mini cchd Inpt DZone 1M Tokens", "gpt-5-mini", AzureMeterKind.CachedInput, "data-zone")]
    [InlineData("GPT 5 Rsng outpt Glbl 1M Tokens", "gpt-5", AzureMeterKind.Output, "global")]
    [InlineData("gpt-4.1-mini-ft hosting global Unit", "gpt-4.1-mini-ft", AzureMeterKind.Hosting, "global")]
    [InlineData("gpt-4.1-mini FT Training global Tokens", "gpt-4.1-mini-ft", AzureMeterKind.Training, "global")]
    [InlineData("gpt-4o-mini-0718-FT-Trng-regnl Tokens", "gpt-4o-mini-0718-ft", AzureMeterKind.Training, "regional")]
    [InlineData("gpt-4o-mini-0718-FT-Hstng-glbl Unit", "gpt-4o-mini-0718-ft", AzureMeterKind.Hosting, "global")]
    [InlineData("o4-mini RFT Training global Unit", "o4-mini-ft", AzureMeterKind.Training, "global")]
    [InlineData("gpt-35-turbo16K-FT-Trng-regnl tkn Tokens", "gpt-35-turbo-16k-ft", AzureMeterKind.Training, "regional")]
    [InlineData("o1 mini output regnl Tokens", "o1-mini", AzureMeterKind.Output, "regional")]
    [InlineData("codex mini inp cchd rgnl Tokens", "codex-mini", AzureMeterKind.CachedInput, "regional")]
    public void Irregular_names_read_as_model_kind_and_deployment(string meterName, string model, AzureMeterKind kind, string deployment)
    {
        var meter = AzureMeterName.Parse(meterName, out var why);

        Assert.True(meter is not null, why);
        Assert.Equal((model, kind, deployment), (meter.Model, meter.Kind, meter.DeploymentType));
    }

    [Theory]
    [InlineData("gpt-4.1-mini-ft mdl grdr opt Tokens", "a model grader meter")]
    [InlineData("text-embedding-3-small-glbl Tokens", "names no token kind")]
    public void Names_that_are_no_model_price_say_why(string meterName, string reason)
    {
        Assert.Null(AzureMeterName.Parse(meterName, out var why));
        Assert.StartsWith(reason, why);
    }

    [Fact]
    public void The_query_asks_for_both_service_names_in_one_region()
    {
        var url = AzureRetailQuery.Build("eastus2");

        Assert.Equal(
            "(serviceName eq 'Cognitive Services' or serviceName eq 'Foundry Models') and armRegionName eq 'eastus2' and type eq 'Consumption'",
            Uri.UnescapeDataString(url.Query.Split("$filter=")[1]));
        Assert.StartsWith("https://prices.azure.com/api/retail/prices?api-version=2023-01-01-preview", url.AbsoluteUri);
    }

    [Fact]
    public void The_public_endpoint_without_a_filter_gets_the_azure_openai_query_and_other_urls_stay_as_written()
    {
        Assert.Contains("armRegionName", AzureRetailQuery.FirstPage(new Uri("https://prices.azure.com/api/retail/prices")).Query);
        var own = new Uri("http://127.0.0.1:5000/prices?$filter=serviceName eq 'Foundry Models'");
        Assert.Equal(own, AzureRetailQuery.FirstPage(own));
    }
}
