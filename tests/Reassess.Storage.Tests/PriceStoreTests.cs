using Azure.Data.Tables;
using Reassess.Storage.Prices;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class PriceStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset March1 = Samples.March1;
    private static readonly DateTimeOffset April1 = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<PriceStore> NewStoreAsync() => new(await azurite.NewAccountAsync());

    [Fact]
    public async Task Storing_an_unchanged_price_writes_nothing()
    {
        var store = await NewStoreAsync();
        await store.StoreChangesAsync([Samples.Price()]);

        // The next day's refresh: same prices, another fetch time, another source.
        var summary = await store.StoreChangesAsync([Samples.Price(source: "genai-prices", effectiveFrom: March1.AddDays(1))]);

        Assert.Equal(0, summary.Written);
        Assert.Equal(1, summary.Unchanged);
        var only = Assert.Single(await store.GetHistoryAsync("openai/gpt-4o"));
        Assert.Equal("litellm", only.Source);
    }

    [Fact]
    public async Task A_price_change_is_stored_with_its_date_and_GetInForce_picks_by_date()
    {
        var store = await NewStoreAsync();

        var first = await store.StoreChangesAsync([Samples.Price(input: 2.50m, effectiveFrom: March1)]);
        var second = await store.StoreChangesAsync([Samples.Price(input: 2.00m, effectiveFrom: April1)]);

        Assert.Equal((1, 0), (first.Written, first.Unchanged));
        Assert.Equal((1, 0), (second.Written, second.Unchanged));
        Assert.Null(await store.GetInForceAsync("openai/gpt-4o", March1.AddTicks(-1)));
        Assert.Equal(2.50m, (await store.GetInForceAsync("openai/gpt-4o", March1))?.InputPerMTok);
        Assert.Equal(2.50m, (await store.GetInForceAsync("openai/gpt-4o", April1.AddTicks(-1)))?.InputPerMTok);
        Assert.Equal(2.00m, (await store.GetInForceAsync("openai/gpt-4o", April1))?.InputPerMTok);
        Assert.Equal(2.00m, (await store.GetInForceAsync("openai/gpt-4o", DateTimeOffset.MaxValue))?.InputPerMTok);
        Assert.Equal([April1, March1], (await store.GetHistoryAsync("openai/gpt-4o")).Select(p => p.EffectiveFrom));
    }

    [Fact]
    public async Task A_sheet_dated_before_a_stored_change_is_compared_with_the_price_in_force_then()
    {
        var store = await NewStoreAsync();
        await store.StoreChangesAsync([Samples.Price(input: 2.50m, effectiveFrom: March1), Samples.Price(input: 2.00m, effectiveFrom: April1)]);

        // A late sheet from mid-March quoting March's price is no change; one quoting April's price early is.
        var summary = await store.StoreChangesAsync(
        [
            Samples.Price(input: 2.50m, effectiveFrom: March1.AddDays(14)),
            Samples.Price(input: 2.00m, effectiveFrom: March1.AddDays(20)),
        ]);

        Assert.Equal(1, summary.Unchanged);
        Assert.Equal(March1.AddDays(20), Assert.Single(summary.Changes).EffectiveFrom);
        Assert.Equal(2.00m, (await store.GetInForceAsync("openai/gpt-4o", March1.AddDays(25)))?.InputPerMTok);
    }

    [Fact]
    public async Task Records_of_one_sheet_are_compared_with_each_other_in_date_order()
    {
        var store = await NewStoreAsync();

        var summary = await store.StoreChangesAsync(
        [
            Samples.Price(input: 3.00m, effectiveFrom: April1),           // back up: a change
            Samples.Price(input: 2.50m, effectiveFrom: March1),           // first price: a change
            Samples.Price(input: 2.50m, effectiveFrom: March1.AddDays(7)), // same as March 1: no change
        ]);

        Assert.Equal([2.50m, 3.00m], summary.Changes.Select(c => c.InputPerMTok!.Value));
        Assert.Equal(1, summary.Unchanged);
        Assert.Equal(2, (await store.GetHistoryAsync("openai/gpt-4o")).Count);
    }

    [Fact]
    public async Task A_newer_sheet_for_the_same_instant_replaces_the_stored_prices()
    {
        var store = await NewStoreAsync();
        await store.StoreChangesAsync([Samples.Price(input: 2.50m)]);

        var summary = await store.StoreChangesAsync([Samples.Price(input: 2.40m)]);

        Assert.Equal(1, summary.Written);
        Assert.Equal(2.40m, Assert.Single(await store.GetHistoryAsync("openai/gpt-4o")).InputPerMTok);
    }

    [Fact]
    public async Task All_in_force_gives_one_record_per_key_including_models_with_slashes()
    {
        var store = await NewStoreAsync();
        await store.StoreChangesAsync(
        [
            Samples.Price("openai/gpt-4o", input: 2.50m, effectiveFrom: March1),
            Samples.Price("openai/gpt-4o", input: 2.00m, effectiveFrom: April1),
            Samples.Price("openai/gpt-4", input: 30m, effectiveFrom: March1),
            Samples.Price("openrouter/meta-llama/llama-3", input: 0.30m, effectiveFrom: March1),
            Samples.Price("openrouter/meta-llama/llama-3", input: 0.20m, effectiveFrom: April1),
            Samples.Price("anthropic/claude-next", input: 5m, effectiveFrom: April1.AddDays(30)), // not yet in force
        ]);

        var inForce = (await store.GetAllInForceAsync(April1.AddDays(1))).ToDictionary(p => p.Key, p => p.InputPerMTok);

        Assert.Equal(3, inForce.Count);
        Assert.Equal(2.00m, inForce["openai/gpt-4o"]);
        Assert.Equal(30m, inForce["openai/gpt-4"]); // a model whose name prefixes another stays apart
        Assert.Equal(0.20m, inForce["openrouter/meta-llama/llama-3"]);
        var llama = await store.GetInForceAsync("openrouter/meta-llama/llama-3", March1.AddDays(1));
        Assert.Equal(("openrouter", "meta-llama/llama-3", 0.30m), (llama?.Provider, llama?.Model, llama?.InputPerMTok));
    }

    [Fact]
    public async Task Prices_keep_every_digit_and_their_scale_and_the_row_key_reads_latest_first()
    {
        var account = await azurite.NewAccountAsync();
        var store = new PriceStore(account);
        var precise = Samples.Price(input: 0.0000123456789012345678m, output: 1.50m) with { HostingPerHour = 1.7m, TrainingPerMTok = null };

        await store.StoreChangesAsync([precise]);

        var stored = await store.GetInForceAsync("openai/gpt-4o", April1);
        Assert.Equal("0.0000123456789012345678", stored!.InputPerMTok!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.50", stored.OutputPerMTok!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.7m, stored.HostingPerHour);
        Assert.Null(stored.TrainingPerMTok);
        Assert.Equal(precise.FetchedAt, stored.FetchedAt);
        Assert.True(precise.SamePricesAs(stored));
        var row = Assert.Single(await account.Table(account.Settings.PricesTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal("openai", row.PartitionKey);
        Assert.Equal($"gpt-4o|{DateTimeOffset.MaxValue.UtcTicks - March1.UtcTicks:D19}", row.RowKey);
        Assert.Equal("1.50", row.GetString("OutputPerMTok"));
    }

    [Fact]
    public async Task A_key_that_is_not_provider_slash_model_is_rejected()
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.GetInForceAsync("gpt-4o", April1));

        Assert.StartsWith("Price key 'gpt-4o' is not of the form provider/model.", error.Message);
    }
}
