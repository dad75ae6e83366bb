using Azure.Data.Tables;
using Reassess.Core.Decisions;
using Reassess.Core.Time;
using Reassess.Core.Trends;
using Reassess.Storage.Trends;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class CostTrendStoreTests(AzuriteFixture azurite)
{
    private static readonly IsoWeek W10 = new(2026, 10);

    private static CostTrendPoint Point(IsoWeek week, string workload, string costCenter = "CC-1200 Customer Care", decimal cost = 100m) => new()
    {
        Week = week.ToString(),
        WorkloadId = workload,
        WorkloadName = workload + " name",
        Team = "support",
        CostCenter = costCenter,
        AssessedAt = week.Start,
        ServiceName = "Anthropic",
        BaselineModel = "anthropic/claude-haiku-4-5",
        Verdict = Verdict.FineTune,
        ChargePeriodStart = week.Monday.AddDays(-7),
        ChargePeriodEnd = week.Monday,
        ChargePeriodCalls = 2_300_000,
        EffectiveCost = cost,
        WindowCalls = 9_200_000,
        WindowCost = cost * 4,
        MonthlyCalls = 10_000_892.86m,
        BaselineMonthlyCost = 4_900.44m,
        CandidateMonthlyCost = 1_770.22m,
        MonthlyNetSavings = 3_130.22m,
        ProjectedMonthlySavings = 3_130.22m,
        BuildCost = 30_000m,
        PaybackMonths = 9.584m,
        HorizonNet = 7_562.65m,
        ChosenMonthlyNetSavings = 3_130.22m,
        ChosenHorizonNet = 7_562.65m,
    };

    /// <summary>A Route verdict's point: its savings are the best route's, the fine-tune's economics stay beside them.</summary>
    private static CostTrendPoint RoutePoint(IsoWeek week, string workload) => Point(week, workload) with
    {
        Verdict = Verdict.Route,
        BestRoute = "openai/gpt-4.1-mini",
        ProjectedMonthlySavings = 6_477.10m,
        ChosenMonthlyNetSavings = 6_477.10m,
        ChosenHorizonNet = 77_725.20m,
    };

    /// <summary>
    /// A week written as the weekly run writes it: its rows, then the week's other rows deleted, except those of
    /// workloads in <paramref name="keep"/>.
    /// </summary>
    private static async Task ReplaceWeekAsync(CostTrendStore store, IsoWeek week, IReadOnlyCollection<CostTrendPoint> points, IReadOnlySet<string>? keep = null)
    {
        await store.UpsertWeekAsync(week, points);
        await store.DeleteOthersAsync(week, points.Select(CostTrendStore.KeyOf).ToHashSet(), keep);
    }

    [Fact]
    public async Task Rows_read_back_with_every_figure_and_by_week_range()
    {
        var store = new CostTrendStore(await azurite.NewAccountAsync());
        await ReplaceWeekAsync(store, W10, [Point(W10, "a"), Point(W10, "b", "R&D / Europe #2")]);
        await ReplaceWeekAsync(store, W10.Next, [Point(W10.Next, "a")]);
        await ReplaceWeekAsync(store, W10.Next.Next, [Point(W10.Next.Next, "a")]);

        var middle = await store.ListAsync(W10.Next, W10.Next);
        var all = await store.ListAsync(W10, W10.Next.Next);

        Assert.Equal(Point(W10.Next, "a"), Assert.Single(middle));
        Assert.Equal(4, all.Count);
        Assert.Contains(all, p => p.CostCenter == "R&D / Europe #2"); // a cost centre with characters keys forbid
        Assert.Equal(W10.Next.Next, await store.LatestWeekAsync());
    }

    [Fact]
    public async Task A_week_range_is_read_cost_centre_by_cost_centre_including_ones_between_without_rows_in_range()
    {
        var store = new CostTrendStore(await azurite.NewAccountAsync());
        // "CC-2" has a row only in an earlier week: the partitions after it must still be found.
        await ReplaceWeekAsync(store, W10, [Point(W10, "old", "CC-2")]);
        string[] centres = ["CC-1", "CC-3", "", "CC-4 / Ops", "CC-5"];
        await ReplaceWeekAsync(store, W10.Next, centres.Select((c, i) => Point(W10.Next, $"w{i}", c)).ToList());

        var week = await store.ListAsync(W10.Next, W10.Next);
        var both = await store.ListAsync(W10, W10.Next);

        Assert.Equal(["w0", "w1", "w2", "w3", "w4"], week.Select(p => p.WorkloadId).Order(StringComparer.Ordinal));
        Assert.Equal(6, both.Count);
        Assert.Equal("old", Assert.Single(both, p => p.Week == W10.ToString()).WorkloadId);
    }

    [Fact]
    public async Task Replacing_a_week_rewrites_it_and_drops_rows_of_workloads_no_longer_there_unless_kept()
    {
        var store = new CostTrendStore(await azurite.NewAccountAsync());
        await ReplaceWeekAsync(store, W10, [Point(W10, "a"), Point(W10, "b"), Point(W10, "c")]);
        await ReplaceWeekAsync(store, W10.Next, [Point(W10.Next, "b")]);

        // b could not be assessed this time (kept); c left the catalogue (dropped); a moved cost centre (old row dropped).
        await ReplaceWeekAsync(store, W10, [Point(W10, "a", "CC-9", cost: 120m)], keep: new HashSet<string> { "b" });

        var week = await store.ListAsync(W10, W10);
        Assert.Equal([("b", "CC-1200 Customer Care", 100m), ("a", "CC-9", 120m)], week.Select(p => (p.WorkloadId, p.CostCenter, p.EffectiveCost)));
        Assert.Single(await store.ListAsync(W10.Next, W10.Next)); // other weeks untouched
    }

    [Fact]
    public async Task A_route_row_reads_back_with_its_best_route_and_savings()
    {
        var store = new CostTrendStore(await azurite.NewAccountAsync());
        await ReplaceWeekAsync(store, W10, [RoutePoint(W10, "contract-review"), Point(W10, "support-triage")]);

        var week = await store.ListAsync(W10, W10);

        Assert.Equal([RoutePoint(W10, "contract-review"), Point(W10, "support-triage")], week);
    }

    [Fact]
    public async Task Rows_written_before_routes_give_the_fine_tunes_figures_as_the_chosen_ones()
    {
        var account = await azurite.NewAccountAsync();
        var store = new CostTrendStore(account);
        await ReplaceWeekAsync(store, W10, [Point(W10, "fine-tune"), Point(W10, "prepare") with { Verdict = Verdict.PrepareFineTune, ProjectedMonthlySavings = 0m }, Point(W10, "stay") with { Verdict = Verdict.StayOnFrontier, ProjectedMonthlySavings = 0m }]);
        // As an earlier version wrote them: without the chosen-option columns.
        var table = account.Table(account.Settings.CostTrendsTable);
        foreach (var row in await table.QueryAsync<TableEntity>().ToListAsync())
        {
            foreach (var column in new[] { "BestRoute", "ChosenMonthlyNetSavings", "ChosenHorizonNet" }) row.Remove(column);
            await table.UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace);
        }

        var week = await store.ListAsync(W10, W10);

        Assert.Equal(
            [("fine-tune", 3_130.22m, 7_562.65m), ("prepare", 3_130.22m, 7_562.65m), ("stay", 0m, 0m)],
            week.Select(p => (p.WorkloadId, p.ChosenMonthlyNetSavings, p.ChosenHorizonNet)));
        Assert.All(week, p => Assert.Equal("", p.BestRoute));
    }

    [Fact]
    public async Task An_empty_table_has_no_latest_week()
    {
        Assert.Null(await new CostTrendStore(await azurite.NewAccountAsync()).LatestWeekAsync());
    }
}
