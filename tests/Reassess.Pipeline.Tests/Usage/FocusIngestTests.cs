using Reassess.Testing;

namespace Reassess.Pipeline.Tests.Usage;

[Collection(AzuriteFixture.Collection)]
public class FocusIngestTests(AzuriteFixture azurite)
{
    private const string Header = "ChargePeriodStart,ChargeCategory,SkuMeter,PricingQuantity,x_PricingBlockSize,EffectiveCost,BillingCurrency,Tags\n";
    private const string Chat = "\"{\"\"workload\"\":\"\"support-chat\"\"}\"";

    private static string ClaimChatByTag(string workloads) => workloads.Replace(
        "{ \"source\": \"anthropic\", \"dimension\": \"api_key_id\", \"value\": \"apikey_support_chat\" }",
        "{ \"source\": \"anthropic\", \"dimension\": \"api_key_id\", \"value\": \"apikey_support_chat\" }, { \"source\": \"focus\", \"dimension\": \"tag:workload\", \"value\": \"support-chat\" }");

    [Fact]
    public async Task A_bad_row_is_reported_with_file_and_line_the_rest_goes_in_and_the_stored_row_it_would_cut_short_stays()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = await UsageWorkspace.CreateAsync(account, "focus=exports", ClaimChatByTag);
        workspace.Write("exports/focus.csv", Header +
            $"2026-11-02T00:00:00Z,Usage,gpt 4.1 Inp glbl Tokens,100,1000,0.20,USD,{Chat}\n" +
            $"2026-11-03 00:00:00,Usage,gpt 4.1 Inp glbl Tokens,200,1000,0.40,USD,{Chat}\n");
        await workspace.IngestAsync();
        var before = await workspace.StoredAsync("support-chat", new DateOnly(2026, 11, 2), "focus");

        var export = workspace.Write("exports/focus.csv", Header +
            $"2026-11-02T00:00:00Z,Usage,gpt 4.1 Inp glbl Tokens,ten,1000,0.20,USD,{Chat}\n" +
            $"2026-11-02T00:00:00Z,Usage,gpt 4.1 Inp glbl Tokens,1,1000,0.002,USD,{Chat}\n" +
            $"02.11.2026,Usage,gpt 4.1 Outp glbl Tokens,-1,1000,0.20,USD,{Chat}\n" +
            $"2026-11-03 00:00:00,Usage,gpt 4.1 Inp glbl Tokens,200,1000,0.40,USD,{Chat}\n" +
            $"2026-11-04T00:00:00Z,Usage,gpt 4.1 Inp glbl Tokens,300,1000,0.60,USD,{Chat}\n");
        var outcome = await workspace.IngestAsync();

        var problems = outcome.Problems.Where(p => p.Source == export).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Equal("line 2, column PricingQuantity", problems[0].Location);
        Assert.Equal("line 4", problems[1].Location); // two faults on the row: both named
        Assert.Contains("column ChargePeriodStart: '02.11.2026' is not a date and time in a known form", problems[1].Message);
        Assert.Contains("column PricingQuantity: '-1' is negative", problems[1].Message);
        Assert.Equal("2026-11-02", problems[2].Location); // the day's total the bad line belongs to is held back
        Assert.Equal(before, await workspace.StoredAsync("support-chat", new DateOnly(2026, 11, 2), "focus"));
        Assert.Equal(100_000, before!.UncachedInputTokens);
        Assert.Equal(300_000, (await workspace.StoredAsync("support-chat", new DateOnly(2026, 11, 4), "focus"))!.UncachedInputTokens);
    }

    [Fact]
    public async Task Ingesting_the_same_export_again_rewrites_the_same_rows()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = await UsageWorkspace.CreateAsync(account, "focus=exports", ClaimChatByTag);
        workspace.Write("exports/focus.csv", Header +
            $"2026-11-02T00:00:00Z,Usage,gpt 4.1 Inp glbl Tokens,100,1000,0.20,USD,{Chat}\n" +
            $"2026-11-02T00:00:00Z,Usage,gpt 4.1 cached Inp glbl Tokens,50,1000,0.02,USD,{Chat}\n" +
            "2026-11-02T00:00:00Z,Usage,gpt 4.1 Outp glbl Tokens,9,1000,0.07,USD,\"{\"\"workload\"\":\"\"nobody\"\"}\"\n");

        var first = await workspace.IngestAsync();
        var afterFirst = await StorageSnapshot.TakeAsync(account);
        await workspace.IngestAsync();
        var afterSecond = await StorageSnapshot.TakeAsync(account);

        Assert.Empty(StorageSnapshot.Differences(afterFirst, afterSecond));
        var row = await workspace.StoredAsync("support-chat", new DateOnly(2026, 11, 2), "focus");
        Assert.Equal((0L, 100_000L, 50_000L), (row!.Calls, row.UncachedInputTokens, row.CachedInputTokens));
        var unmapped = Assert.Single(first.Problems, p => p.Location == "unmapped usage");
        Assert.StartsWith("focus usage with tag:workload=nobody: 9,000 tokens, 0.07 USD on 2026-11-02", unmapped.Message);
        // FOCUS gives no call count and nothing else reports that day: an evidence gap, not zero calls.
        Assert.Contains(first.Problems, p => p.Location == "workload 'support-chat'" && p.Message.StartsWith("1 day(s) (2026-11-02) have focus usage but no call count"));
    }
}
