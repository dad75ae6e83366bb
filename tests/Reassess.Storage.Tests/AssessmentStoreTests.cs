using Azure.Data.Tables;
using Reassess.Core.Decisions;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Storage.Assessments;
using Reassess.Storage.Tables;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class AssessmentStoreTests(AzuriteFixture azurite)
{
    // Weekly runs on Mondays 06:00 UTC (2026-W10 starts Monday 2 March), plus one on-demand run in between.
    private static readonly DateTimeOffset Week10 = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Week11 = new(2026, 3, 9, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OnDemand = new(2026, 3, 10, 12, 30, 0, TimeSpan.Zero);
    private static readonly IsoWeek W10 = new(2026, 10);
    private static readonly IsoWeek W11 = new(2026, 11);
    private static readonly IsoWeek W12 = new(2026, 12);

    private static async Task<AssessmentStore> WithHistoryAsync(AssessmentStore store)
    {
        await store.SaveAsync(Samples.Assessment("support-triage", Week10, Verdict.StayOnFrontier), W10);
        await store.SaveAsync(Samples.Assessment("support-triage", Week11, Verdict.PrepareFineTune), W11);
        await store.SaveAsync(Samples.Assessment("support-triage", OnDemand, Verdict.FineTune));
        return store;
    }

    [Fact]
    public async Task The_previous_assessment_is_the_latest_strictly_before_and_week_rows_are_not_counted()
    {
        var store = await WithHistoryAsync(new AssessmentStore(await azurite.NewAccountAsync()));

        Assert.Null(await store.GetPreviousAsync("support-triage", Week10));
        Assert.Equal(Week10, (await store.GetPreviousAsync("support-triage", Week11))?.AssessedAt);
        Assert.Equal(Week11, (await store.GetPreviousAsync("support-triage", Week11.AddTicks(1)))?.AssessedAt);
        Assert.Equal(Verdict.FineTune, (await store.GetPreviousAsync("support-triage", DateTimeOffset.MaxValue))?.Verdict);
        Assert.Equal(OnDemand, (await store.GetLatestAsync("support-triage"))?.AssessedAt);
        Assert.Null(await store.GetPreviousAsync("call-summaries", DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task A_week_row_holds_the_same_assessment_and_rerunning_the_week_replaces_it()
    {
        var store = await WithHistoryAsync(new AssessmentStore(await azurite.NewAccountAsync()));

        var week11 = await store.GetWeekAsync("support-triage", W11);
        await store.SaveAsync(Samples.Assessment("support-triage", Week11, Verdict.FineTune, monthlyCalls: 12_000_000m), W11);
        var rerun = await store.GetWeekAsync("support-triage", W11);

        Assert.Equal((Week11, Verdict.PrepareFineTune), (week11?.AssessedAt, week11?.Verdict));
        Assert.Equal((Verdict.FineTune, 12_000_000m), (rerun?.Verdict, rerun?.Economics.MonthlyCalls));
        Assert.Null(await store.GetWeekAsync("support-triage", W12));
        Assert.Equal(3, (await store.ListAsync("support-triage", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Count);
    }

    [Fact]
    public async Task The_full_assessment_survives_the_round_trip()
    {
        var store = new AssessmentStore(await azurite.NewAccountAsync());
        var assessment = Samples.Assessment("support-triage", Week10) with
        {
            Flip = new Flip(Verdict.StayOnFrontier, Week10.AddDays(-7), ["baseline price −12.9%"]),
            ReadinessGaps = ["labeledExamples 800 < 1000"],
        };

        await store.SaveAsync(assessment, W10);
        var stored = await store.GetWeekAsync("support-triage", W10);

        Assert.Equal(ThresholdStatus.Unknown, stored!.Thresholds.Quality.Status);
        Assert.Equal("p95 280 ms ≤ 300 ms", stored.Thresholds.Latency.Evidence);
        Assert.Equal(9.584m, stored.Economics.PaybackMonths);
        Assert.Equal(-12.86m, stored.Sensitivity.FlipBaselinePriceChangePct);
        Assert.Equal(["baseline price −12.9%"], stored.Flip!.Drivers);
        Assert.Equal(["labeledExamples 800 < 1000"], stored.ReadinessGaps);
        Assert.Equal(9_200_000, stored.Inputs.Window.Calls);
    }

    [Fact]
    public async Task Key_figures_are_columns_people_can_read_in_the_table()
    {
        var account = await azurite.NewAccountAsync();
        await new AssessmentStore(account).SaveAsync(Samples.Assessment("support-triage", Week10, Verdict.FineTune), W10);

        var rows = await account.Table(account.Settings.AssessmentsTable).QueryAsync<TableEntity>().ToListAsync();

        var shard = StorageKeys.Shard("support-triage");
        Assert.Equal([$"{shard} support-triage|{StorageKeysFor(Week10)}", $"2026-W10|{shard} support-triage"],
            rows.Select(r => $"{r.PartitionKey} {r.RowKey}").OrderBy(k => k.StartsWith('s') ? 0 : 1));
        var week = rows.Single(r => r.PartitionKey.StartsWith("2026-W10", StringComparison.Ordinal));
        Assert.Equal("support-triage", week.GetString("WorkloadId"));
        Assert.Equal("FineTune", week.GetString("Verdict"));
        Assert.Equal("9.584", week.GetString("PaybackMonths"));
        Assert.Equal("7562.65", week.GetString("HorizonNet"));
        Assert.Equal("10000892.86", week.GetString("MonthlyCalls"));
        Assert.Equal("4900.44", week.GetString("BaselineMonthlyCost"));
        Assert.Equal(2, week.GetInt32("ThresholdsMet"));
        Assert.Equal("2026-W10", week.GetString("IsoWeek"));
    }

    [Fact]
    public async Task Listing_gives_the_assessments_in_the_range_oldest_first_without_week_rows()
    {
        var store = await WithHistoryAsync(new AssessmentStore(await azurite.NewAccountAsync()));

        var march = await store.ListAsync("support-triage", Week11, OnDemand);

        Assert.Equal([Week11, OnDemand], march.Select(a => a.AssessedAt));
    }

    [Fact]
    public async Task A_week_lists_every_workloads_assessment_for_the_report()
    {
        var store = await WithHistoryAsync(new AssessmentStore(await azurite.NewAccountAsync()));
        await store.SaveAsync(Samples.Assessment("call-summaries", Week11), W11);

        var week11 = await store.ListWeekAsync(W11);

        Assert.Equal(["call-summaries", "support-triage"], week11.Select(a => a.WorkloadId));
    }

    [Fact]
    public async Task A_malformed_week_is_rejected()
    {
        var store = new AssessmentStore(await azurite.NewAccountAsync());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Samples.Assessment("support-triage", Week10), IsoWeek.Parse("2026-10")));

        Assert.StartsWith("'2026-10' is not an ISO week; expected yyyy-Www", error.Message);
    }

    [Fact]
    public async Task A_route_verdicts_key_figures_give_its_best_route_and_what_the_route_saves_not_the_fine_tune()
    {
        var account = await azurite.NewAccountAsync();
        var store = new AssessmentStore(account);
        var route = Samples.Assessment("contract-review", Week10, Verdict.Route) with
        {
            BestRoute = "openai/gpt-4.1-mini",
            Options =
            [
                new OptionSummary { Kind = OptionKind.Stay, Model = "openai/gpt-4.1", Qualifies = true, MonthlyNetSavings = 0m, HorizonNet = 0m },
                new OptionSummary { Kind = OptionKind.Route, Model = "openai/gpt-4.1-mini", Qualifies = true, MonthlyNetSavings = 6_477.10m, HorizonNet = 77_725.20m, PaybackMonths = 0m },
            ],
            Sensitivity = new Sensitivity(944_331m, -4.56m) { Margin = 0.0456m, Fragile = true },
        };

        await store.SaveAsync(route, W10);
        var figures = Assert.Single(await store.ListWeekFiguresAsync(W10, StorageKeys.Shard("contract-review")));
        var week = (await account.Table(account.Settings.AssessmentsTable).QueryAsync<TableEntity>().ToListAsync())
            .Single(r => r.PartitionKey.StartsWith("2026-W10", StringComparison.Ordinal));

        Assert.Equal(new AssessmentFigures("contract-review", "support", Verdict.Route, 4_900.44m, 6_477.10m, 77_725.20m, Flipped: false), figures);
        Assert.Equal(6_477.10m, figures.ProjectedMonthlySavings);
        Assert.Equal("openai/gpt-4.1-mini", week.GetString("BestRoute"));
        Assert.Equal(("6477.10", "77725.20"), (week.GetString("ChosenMonthlyNetSavings"), week.GetString("ChosenHorizonNet")));
        Assert.Equal("7562.65", week.GetString("HorizonNet")); // the fine-tune's, as before
        Assert.True(week.GetBoolean("Fragile"));
    }

    [Fact]
    public async Task Rows_written_before_routes_give_the_fine_tunes_figures_as_the_chosen_ones()
    {
        var account = await azurite.NewAccountAsync();
        var store = new AssessmentStore(account);
        var fineTune = Samples.Assessment("support-triage", Week10, Verdict.FineTune);
        await store.SaveManyAsync(
        [
            (fineTune with { Economics = fineTune.Economics with { MonthlyNetSavings = 3_130.22m } }, W10),
            (Samples.Assessment("call-summaries", Week10, Verdict.StayOnFrontier), W10),
        ]);
        // As an earlier version wrote them: without the chosen-option columns.
        var table = account.Table(account.Settings.AssessmentsTable);
        foreach (var row in await table.QueryAsync<TableEntity>().ToListAsync())
        {
            foreach (var column in new[] { "BestRoute", "ChosenMonthlyNetSavings", "ChosenHorizonNet", "Fragile" }) row.Remove(column);
            await table.UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace);
        }

        var figures = new List<AssessmentFigures>();
        foreach (var shard in StorageKeys.AllShards) figures.AddRange(await store.ListWeekFiguresAsync(W10, shard));

        Assert.Equal(
            [
                new AssessmentFigures("call-summaries", "support", Verdict.StayOnFrontier, 4_900.44m, 0m, 0m, Flipped: false),
                new AssessmentFigures("support-triage", "support", Verdict.FineTune, 4_900.44m, 3_130.22m, 7_562.65m, Flipped: false),
            ],
            figures.OrderBy(f => f.WorkloadId, StringComparer.Ordinal));
    }

    private static string StorageKeysFor(DateTimeOffset at) => Tables.StorageKeys.InvertedTicks(at);
}
