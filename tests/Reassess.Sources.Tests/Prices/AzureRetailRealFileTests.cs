using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>The real Azure Retail Prices items: 103 in a page envelope, 548 for eastus2 as JSON lines.</summary>
public sealed class AzureRetailRealFileTests
{
    private static readonly string Sample = TestData.File("prices", "azure_retail_sample.json");
    private static readonly string EastUs2 = TestData.File("prices", "azure_retail_openai_eastus2_items.ndjson");

    private static Task<Reassess.Core.Ingestion.ReadResult<PriceRecord>> ReadAsync(string file) => Read.File(new AzureRetailReader(), file);

    [Fact]
    public async Task Sample_page_gives_gpt_4_1_mini_fine_tune_training_5_per_million_and_hosting_1_70_an_hour()
    {
        var price = Assert.Single((await ReadAsync(Sample)).Records, r => r.Key == "azure/gpt-4.1-mini-ft");

        Assert.Equal(5.00m, price.TrainingPerMTok);
        Assert.Equal(1.70m, price.HostingPerHour);
        Assert.Equal((0.4m, 0.1m, 1.6m), (price.InputPerMTok, price.CachedInputPerMTok, price.OutputPerMTok));
        Assert.Equal("global", price.DeploymentType);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), price.EffectiveFrom);
    }

    [Fact]
    public async Task Sample_page_reads_17_records_for_its_main_region_and_skips_the_rest_with_reasons()
    {
        var result = await ReadAsync(Sample);

        Assert.Equal(17, result.Records.Count);
        Assert.Empty(result.Rejected);
        Assert.Equal(29, result.Skipped.Count);
        Assert.Equal(20, result.Skipped.Count(p => p.Message.Contains("region swedencentral; this sheet is read for eastus2") || p.Message.Contains("region northcentralus")));
        Assert.Contains(result.Skipped, p => p.Message.StartsWith("'gpt-4.1-mini-ft mdl grdr opt Tokens' is not read: a model grader meter"));
    }

    [Fact]
    public async Task Deployment_types_are_priced_apart()
    {
        var records = (await ReadAsync(Sample)).Records;

        Assert.Equal(0.40m, records.Single(r => r.Key == "azure/gpt-4.1-mini").InputPerMTok);
        Assert.Equal(0.44m, records.Single(r => r.Key == "azure/gpt-4.1-mini:data-zone").InputPerMTok);
        Assert.Equal(0.44m, records.Single(r => r.Key == "azure/gpt-4.1-mini:regional").InputPerMTok);
        Assert.Equal("data-zone", records.Single(r => r.Key == "azure/gpt-4.1-mini:data-zone").DeploymentType);
    }

    [Fact]
    public async Task Reinforcement_fine_tuning_is_priced_per_training_hour()
    {
        var price = Assert.Single((await ReadAsync(Sample)).Records, r => r.Key == "azure/o4-mini-ft");

        Assert.Equal(100m, price.TrainingPerHour);
        Assert.Null(price.TrainingPerMTok);
        Assert.Equal(1.70m, price.HostingPerHour);
    }

    [Fact]
    public async Task Json_lines_file_gives_161_records_and_reads_1M_unit_meters()
    {
        var result = await ReadAsync(EastUs2);

        Assert.Equal(161, result.Records.Count);
        Assert.Empty(result.Rejected);
        Assert.Equal(75, result.Skipped.Count);
        var gpt5Mini = Assert.Single(result.Records, r => r.Key == "azure/gpt-5-mini");
        Assert.Equal((0.25m, 0.025m, 2.0m, 0.125m, 1.0m),
            (gpt5Mini.InputPerMTok, gpt5Mini.CachedInputPerMTok, gpt5Mini.OutputPerMTok, gpt5Mini.BatchInputPerMTok, gpt5Mini.BatchOutputPerMTok));
    }

    [Fact]
    public async Task Irregular_gpt_4o_mini_meter_names_land_on_one_record()
    {
        var price = Assert.Single((await ReadAsync(EastUs2)).Records, r => r.Key == "azure/gpt-4o-mini-0718");

        // 'gpt-4o-mini-0718-Inp-glbl Tokens', 'gpt 4o mini 0718 cached Inp glbl Tokens', 'gpt-4o-mini-0718-Outp-glbl Tokens', …
        Assert.Equal((0.15m, 0.075m, 0.6m, 0.075m, 0.3m),
            (price.InputPerMTok, price.CachedInputPerMTok, price.OutputPerMTok, price.BatchInputPerMTok, price.BatchOutputPerMTok));
    }

    [Fact]
    public async Task Older_fine_tunes_have_hourly_and_per_token_training()
    {
        var price = Assert.Single((await ReadAsync(EastUs2)).Records, r => r.Key == "azure/gpt-35-turbo-16k-ft:regional");

        Assert.Equal((8m, 68m, 1.7m), (price.TrainingPerMTok, price.TrainingPerHour, price.HostingPerHour));
    }

    [Fact]
    public async Task Meters_that_are_not_per_token_or_per_hour_are_skipped_with_their_unit()
    {
        var skipped = (await ReadAsync(EastUs2)).Skipped;

        Assert.Contains(skipped, p => p.Message == "'Sora 720p 1-5s glbl Video' is priced per '1 Second', not per tokens (1K, 1M) or per hour (1 Hour): not a price of a model's calls");
        Assert.Contains(skipped, p => p.Message.StartsWith("'Provisioned Managed Global Unit' is priced per '1/Hour'"));
        Assert.Contains(skipped, p => p.Message.StartsWith("'GPT 5 Mini Batch Inpt cchd Dzone 1M Tokens' is a batch price for cached input"));
    }
}
