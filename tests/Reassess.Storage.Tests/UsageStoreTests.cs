using Azure.Data.Tables;
using Reassess.Core.Usage;
using Reassess.Storage.Tables;
using Reassess.Storage.Usage;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class UsageStoreTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day1 = new(2026, 3, 1);

    private static List<DailyUsage> ThreeDaysOfTwoModels() =>
    [
        .. Enumerable.Range(0, 3).SelectMany(d => new[]
        {
            Samples.Usage(Day1.AddDays(d), "openai/gpt-4o", calls: 1_000 + d),
            Samples.Usage(Day1.AddDays(d), "openrouter/meta-llama/llama-3", source: "openrouter", calls: 50 + d),
        }),
    ];

    [Fact]
    public async Task Writing_the_same_usage_twice_leaves_the_same_rows()
    {
        var account = await azurite.NewAccountAsync();
        var store = new UsageStore(account);

        await store.UpsertDailyAsync(ThreeDaysOfTwoModels());
        var once = await StorageSnapshot.TakeAsync(account);
        await store.UpsertDailyAsync(ThreeDaysOfTwoModels());
        var twice = await StorageSnapshot.TakeAsync(account);

        // One row per workload, source and model in the month's table, a column per day.
        var rows = await store.DailyTables.For(Day1).QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(["support-triage|openai|openai~2Fgpt-4o", "support-triage|openrouter|openrouter~2Fmeta-llama~2Fllama-3"], rows.Select(r => r.RowKey).Order());
        Assert.All(rows, r => Assert.Equal(["D01", "D02", "D03"], r.Keys.Where(k => k.StartsWith('D') && k.Length == 3).Order()));
        Assert.Empty(StorageSnapshot.Differences(once, twice));
        Assert.Equal(ThreeDaysOfTwoModels().Sum(u => u.Calls), (await store.GetDailyAsync("support-triage", Day1, Day1.AddDays(2))).Sum(u => u.Calls));
    }

    [Fact]
    public async Task A_corrected_day_replaces_the_earlier_figures()
    {
        var store = new UsageStore(await azurite.NewAccountAsync());
        await store.UpsertDailyAsync([Samples.Usage(Day1, calls: 1_000)]);

        await store.UpsertDailyAsync([Samples.Usage(Day1, calls: 1_250)]);

        Assert.Equal(1_250, Assert.Single(await store.GetDailyAsync("support-triage", Day1, Day1)).Calls);
    }

    [Fact]
    public async Task Daily_usage_reads_back_field_for_field_for_the_days_asked_both_ends_included()
    {
        var store = new UsageStore(await azurite.NewAccountAsync());
        await store.UpsertDailyAsync(Enumerable.Range(0, 10).Select(d => Samples.Usage(Day1.AddDays(d))));
        await store.UpsertDailyAsync([Samples.Usage(Day1.AddDays(3), workload: "call-summaries")]);

        var window = await store.GetDailyAsync("support-triage", Day1.AddDays(2), Day1.AddDays(4));

        Assert.Equal([Day1.AddDays(2), Day1.AddDays(3), Day1.AddDays(4)], window.Select(u => u.Day));
        Assert.Equal(Samples.Usage(Day1.AddDays(3)), window[1]);
    }

    [Fact]
    public async Task Usage_of_a_model_with_slashes_is_keyed_safely_and_read_back_by_its_name()
    {
        var account = await azurite.NewAccountAsync();
        var store = new UsageStore(account);

        await store.UpsertDailyAsync([Samples.Usage(Day1, "openrouter/meta-llama/llama-3", source: "openrouter")]);

        var usage = Assert.Single(await store.GetDailyAsync("support-triage", Day1, Day1));
        Assert.Equal("openrouter/meta-llama/llama-3", usage.Model);
        var row = Assert.Single(await store.DailyTables.For(Day1).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(account.Settings.TableName("UsageDaily202603"), store.DailyTables.For(Day1).Name);
        Assert.Equal("support-triage|openrouter|openrouter~2Fmeta-llama~2Fllama-3", row.RowKey);
        Assert.Equal(StorageKeys.Shard("support-triage"), row.PartitionKey);
        Assert.Equal("1000|400000|400000|0|10000|640.25|500|4|1||", row.GetString("D01"));
    }

    [Fact]
    public async Task Usage_without_latency_or_format_checks_reads_back_as_not_measured()
    {
        var store = new UsageStore(await azurite.NewAccountAsync());
        var unmeasured = Samples.Usage(Day1) with { LatencyP95Ms = null, FormatChecked = null, FormatViolations = null };

        await store.UpsertDailyAsync([unmeasured]);

        Assert.Equal(unmeasured, Assert.Single(await store.GetDailyAsync("support-triage", Day1, Day1)));
    }

    [Fact]
    public async Task Eval_results_are_idempotent_per_day_and_suite_and_read_back_by_day_range()
    {
        var store = new UsageStore(await azurite.NewAccountAsync());
        EvalPoint[] evals =
        [
            new() { WorkloadId = "support-triage", Day = Day1, Suite = "triage-v2", Score = 91.0m },
            new() { WorkloadId = "support-triage", Day = Day1.AddDays(7), Suite = "triage-v2", Score = 91.60m },
            new() { WorkloadId = "support-triage", Day = Day1.AddDays(7), Suite = "tone/politeness", Score = 88.25m },
            new() { WorkloadId = "support-triage", Day = Day1.AddDays(14), Suite = "triage-v2", Score = 90.9m },
        ];

        await store.UpsertEvalsAsync(evals);
        await store.UpsertEvalsAsync(evals);

        var all = await store.GetEvalsAsync("support-triage", Day1, Day1.AddDays(14));
        Assert.Equal(4, all.Count);
        var week2 = await store.GetEvalsAsync("support-triage", Day1.AddDays(7), Day1.AddDays(7));
        Assert.Equal([("tone/politeness", 88.25m), ("triage-v2", 91.60m)], week2.Select(e => (e.Suite, e.Score)));
        Assert.Equal("91.60", week2[1].Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_workload_id_that_cannot_be_a_key_is_rejected_with_its_name()
    {
        var store = new UsageStore(await azurite.NewAccountAsync());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertDailyAsync([Samples.Usage(Day1, workload: "team/triage")]));

        Assert.Equal("Workload id of a usage row 'team/triage' cannot be a table key: it contains '/', which table keys cannot hold.", error.Message);
    }

    [Fact]
    public async Task A_day_without_a_call_count_and_its_billed_cost_survive_storage()
    {
        var store = new UsageStore(await azurite.NewAccountAsync());
        var anthropicDay = Samples.Usage(Day1, "anthropic/claude-haiku-4-5", source: "anthropic", calls: 0) with
        {
            CallsReported = false, Cost = 12.3456789m, Currency = "USD",
        };

        await store.UpsertDailyAsync([anthropicDay]);
        var stored = Assert.Single(await store.GetDailyAsync(anthropicDay.WorkloadId, Day1, Day1));

        Assert.False(stored.CallsReported);
        Assert.False(stored.HasCallCount);
        Assert.Equal(12.3456789m, stored.Cost);
        Assert.Equal("USD", stored.Currency);
    }
}
