using Azure.Data.Tables;
using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Storage.Runs;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class RunStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly RunPeriod W10 = RunPeriod.Week(new IsoWeek(2026, 10));
    private static readonly RunPeriod March2 = RunPeriod.Day(new DateOnly(2026, 3, 2));

    private static RunRecord Run(string job, RunPeriod period, RunStatus status, DateTimeOffset startedAt, params InputProblem[] problems) => new()
    {
        Job = job,
        Period = period,
        StartedAt = startedAt,
        FinishedAt = startedAt.AddSeconds(42),
        Status = status,
        Counts = new Dictionary<string, long> { ["workloadsAssessed"] = 12, ["flips"] = 1 },
        Problems = problems,
    };

    [Fact]
    public async Task Rerunning_a_job_for_the_same_period_rewrites_its_one_record()
    {
        var account = await azurite.NewAccountAsync();
        var store = new RunStore(account);
        await store.SaveAsync(Run("ReassessWorkloads", W10, RunStatus.PartiallySucceeded, Monday, new InputProblem("workloads", "workload 'x'", "no baseline price")));

        await store.SaveAsync(Run("ReassessWorkloads", W10, RunStatus.Succeeded, Monday.AddHours(3)));

        var row = Assert.Single(await account.Table(account.Settings.RunsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(("2026-03", "ReassessWorkloads|2026-W10"), (row.PartitionKey, row.RowKey));
        var run = await store.GetAsync("ReassessWorkloads", W10);
        Assert.Equal(RunStatus.Succeeded, run?.Status);
        Assert.Equal(Monday.AddHours(3), run?.StartedAt);
        Assert.Equal(Monday.AddHours(3).AddSeconds(42), run?.FinishedAt);
        Assert.Empty(run!.Problems);
        Assert.Equal(12, run.Counts["workloadsAssessed"]);
    }

    [Fact]
    public async Task Problems_and_counts_read_back_as_recorded()
    {
        var store = new RunStore(await azurite.NewAccountAsync());
        var failed = Run("RefreshPrices", March2, RunStatus.Failed, Monday,
            new InputProblem("litellm.json", "", "HTTP 503"), new InputProblem("https://prices.azure.com/api/retail/prices", "page 3", "malformed JSON"));

        await store.SaveAsync(failed);

        var stored = await store.GetAsync("RefreshPrices", March2);
        Assert.Equal(
            [new InputProblem("litellm.json", "", "HTTP 503"), new InputProblem("https://prices.azure.com/api/retail/prices", "page 3", "malformed JSON")],
            stored!.Problems);
        Assert.Equal(new Dictionary<string, long> { ["workloadsAssessed"] = 12, ["flips"] = 1 }, stored.Counts);
        Assert.Equal(RunStatus.Failed, stored.Status);
    }

    [Fact]
    public async Task A_run_recorded_before_problems_had_a_source_and_location_reads_each_line_as_a_message()
    {
        var account = await azurite.NewAccountAsync();
        var row = new TableEntity("2026-03", "RefreshPrices|2026-03-02")
        {
            ["Job"] = "RefreshPrices", ["Period"] = "2026-03-02", ["StartedAt"] = Monday, ["FinishedAt"] = Monday, ["Status"] = "Failed",
            ["Counts"] = "{}", ["Problems"] = "[\"litellm: HTTP 503\"]",
        };
        await account.Table(account.Settings.RunsTable).UpsertEntityAsync(row);

        var stored = await new RunStore(account).GetAsync("RefreshPrices", March2);

        Assert.Equal([new InputProblem("", "", "litellm: HTTP 503")], stored!.Problems);
    }

    public static TheoryData<RunPeriod, string> Periods => new()
    {
        { RunPeriod.Day(new DateOnly(2026, 2, 28)), "2026-02" },
        { RunPeriod.At(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero)), "2026-03" },
        { RunPeriod.Week(new IsoWeek(2026, 10)), "2026-03" },
        { RunPeriod.Week(new IsoWeek(2026, 9)), "2026-02" },
        { RunPeriod.Week(new IsoWeek(2026, 1)), "2025-12" }, // ISO week 1 of 2026 starts Monday 29 December 2025
        { RunPeriod.At(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.FromHours(2))), "2026-02" }, // 28 February 22:30 UTC
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Runs_are_filed_under_the_month_their_period_names(RunPeriod period, string month)
    {
        Assert.Equal(month, period.Month);
    }

    [Fact]
    public async Task An_on_demand_run_is_found_by_job_and_the_moment_it_ran_for()
    {
        var store = new RunStore(await azurite.NewAccountAsync());
        await store.SaveAsync(Run("ReassessWorkloads", RunPeriod.At(Monday), RunStatus.Succeeded, Monday));

        Assert.Equal(Monday, (await store.GetAsync("ReassessWorkloads", RunPeriod.At(Monday)))?.StartedAt);
        Assert.Null(await store.GetAsync("ReassessWorkloads", RunPeriod.At(Monday.AddSeconds(1))));
    }

    [Fact]
    public async Task A_run_recorded_under_a_period_label_of_an_earlier_version_still_reads()
    {
        var account = await azurite.NewAccountAsync();
        var row = new TableEntity("2026-03", "WhatIf|request-42")
        {
            ["Job"] = "WhatIf", ["Period"] = "request-42", ["StartedAt"] = Monday, ["FinishedAt"] = Monday, ["Status"] = "Succeeded",
            ["Counts"] = "{}", ["Problems"] = "[]",
        };
        await account.Table(account.Settings.RunsTable).UpsertEntityAsync(row);

        var march = await new RunStore(account).ListMonthAsync(2026, 3);

        Assert.Equal(("request-42", "2026-03"), (march.Single().Period.Label, march.Single().Period.Month));
    }

    [Fact]
    public async Task A_month_lists_its_runs()
    {
        var store = new RunStore(await azurite.NewAccountAsync());
        await store.SaveAsync(Run("IngestUsage", March2, RunStatus.Succeeded, Monday));
        await store.SaveAsync(Run("IngestUsage", RunPeriod.Day(new DateOnly(2026, 3, 3)), RunStatus.Succeeded, Monday.AddDays(1)));
        await store.SaveAsync(Run("IngestUsage", RunPeriod.Day(new DateOnly(2026, 2, 28)), RunStatus.Succeeded, Monday.AddDays(-2)));

        var march = await store.ListMonthAsync(2026, 3);

        Assert.Equal(["2026-03-02", "2026-03-03"], march.Select(r => r.Period.Label));
    }

    [Fact]
    public async Task A_run_with_very_many_problems_keeps_the_first_ones_and_says_how_many_more()
    {
        var store = new RunStore(await azurite.NewAccountAsync());
        var problems = Enumerable.Range(1, 250).Select(i => new InputProblem("usage.csv", $"line {i}", $"unknown model 'x-{i}'")).ToArray();

        await store.SaveAsync(Run("IngestUsage", March2, RunStatus.PartiallySucceeded, Monday, problems));

        var stored = (await store.GetAsync("IngestUsage", March2))!.Problems;
        Assert.Equal(RunStore.MaxProblemsStored + 1, stored.Count);
        Assert.Equal(new InputProblem("usage.csv", "line 200", "unknown model 'x-200'"), stored[199]);
        Assert.Equal(new InputProblem("IngestUsage", "", "… and 50 more problems not stored."), stored[^1]);
    }
}
