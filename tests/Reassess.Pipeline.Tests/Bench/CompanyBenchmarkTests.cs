using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Core.Workloads;
using Reassess.Tools.Bench;
using Reassess.Tools.Azurite;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests.Bench;

[Collection(AzuriteFixture.Collection)]
public class CompanyBenchmarkTests(AzuriteFixture azurite)
{
    private static readonly IsoWeek Week = new(2026, 48);

    private static async Task<IReadOnlyList<Workload>> TemplatesAsync()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "samples", "workloads.json");
        await using var file = File.OpenRead(path);
        var now = DateTimeOffset.UnixEpoch;
        return (await new WorkloadCatalog().ReadAsync(file, path, new ReadContext(now, now))).Records;
    }

    private static string Json(Workload workload) => System.Text.Json.JsonSerializer.Serialize(workload, Reassess.Core.Json.ReassessJson.Compact);

    private static async Task<SyntheticCompany> CompanyAsync(int workloads, int seed = 42) =>
        new(await TemplatesAsync(), workloads, days: 28, lastDay: Week.Monday.AddDays(-1), seed);

    [Fact]
    public async Task The_same_seed_makes_the_same_company_and_any_workload_can_be_made_alone()
    {
        var company = await CompanyAsync(2_000);
        var again = await CompanyAsync(2_000);
        var other = await CompanyAsync(2_000, seed: 7);

        Assert.Equal(Json(company.Make(1_234).Workload), Json(again.Make(1_234).Workload));
        Assert.Equal(company.Make(1_234).Usage, again.Make(1_234).Usage);
        Assert.NotEqual(company.Make(1_234).Usage.Sum(u => u.Calls), other.Make(1_234).Usage.Sum(u => u.Calls));
        Assert.Equal(Json(company.Make(42).Workload), Json(company.Workload(42)));
        Assert.Equal(28, company.Make(5).Usage.Count);
        Assert.Equal(new DateOnly(2026, 10, 26), company.Make(5).Usage[0].Day);
        Assert.Equal(new DateOnly(2026, 11, 22), company.Make(5).Usage[^1].Day);
    }

    [Fact]
    public async Task A_synthetic_company_has_uneven_teams_weekend_dips_and_volumes_over_orders_of_magnitude()
    {
        var company = await CompanyAsync(2_000);
        var made = Enumerable.Range(0, 2_000).Select(company.Make).ToList();

        var teamSizes = made.GroupBy(m => m.Workload.Team).Select(g => g.Count()).OrderDescending().ToList();
        Assert.Equal(company.TeamCount, teamSizes.Count);
        Assert.True(teamSizes[0] > 3 * teamSizes[^1], $"largest team {teamSizes[0]}, smallest {teamSizes[^1]}");
        var daily = made.Select(m => m.Usage.Average(u => (double)u.Calls)).Order().ToList();
        Assert.True(daily[^1] / Math.Max(daily[0], 1) > 1_000, $"calls a day from {daily[0]:N0} to {daily[^1]:N0}");
        var weekdays = made.SelectMany(m => m.Usage).Where(u => u.Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Average(u => (double)u.Calls);
        var weekends = made.SelectMany(m => m.Usage).Where(u => u.Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(u => (double)u.Calls);
        Assert.InRange(weekends / weekdays, 0.25, 0.5);
        Assert.Contains(made, m => m.Evals.Count == 4);
    }

    [Fact]
    public async Task Benchmark_phases_write_what_they_say_and_raw_writes_as_many_rows_of_the_runs_own_kind_and_of_the_same_size()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var company = await CompanyAsync(300);
        var bench = new CompanyBenchmark(workspace.Context);

        var generated = await bench.GenerateAsync(company);
        var weekly = await bench.WeeklyAsync(Week);
        var sameRows = await bench.RawSameRowsAsync(weekly[^1].RowsByTable);
        var raw = await bench.RawBatchAsync(weekly[^1].EntitiesWritten, weekly[^1].AverageEntityBytes);

        var stored = await workspace.Context.Assessments.ListWeekAsync(Week);
        Assert.Equal(weekly[0].Workloads, stored.Count);
        Assert.True(stored.Count > 250, $"{stored.Count} of 300 workloads assessed");
        // Per workload: a time row and a week row of its assessment and a cost-trend row; plus the run record.
        Assert.Equal(3L * stored.Count + 1, weekly[0].EntitiesWritten);
        Assert.True(generated.EntitiesWritten >= 300 + 2 * 300, $"{generated.EntitiesWritten} rows generated");
        Assert.Equal(weekly[^1].EntitiesWritten, raw.EntitiesWritten);
        Assert.Equal(weekly[^1].EntitiesWritten, weekly[^1].RowsByTable.Values.Sum());
        Assert.Equal(2L * stored.Count, weekly[^1].RowsByTable[account.Settings.TableName(account.Settings.AssessmentsTable)]);
        Assert.Equal(stored.Count, weekly[^1].RowsByTable[account.Settings.TableName(account.Settings.CostTrendsTable)]);
        // Copies of the run's rows: as many, and as heavy (same columns and values; keys differ by a few characters).
        Assert.Equal(weekly[^1].EntitiesWritten, sameRows.EntitiesWritten);
        Assert.InRange(sameRows.AverageEntityBytes, weekly[^1].AverageEntityBytes * 0.95, weekly[^1].AverageEntityBytes * 1.05);
        Assert.InRange(raw.AverageEntityBytes, weekly[^1].AverageEntityBytes - 2, weekly[^1].AverageEntityBytes + 2);
        Assert.True(weekly[^1].ReportBytes > 0);
        var dropped = await Assert.ThrowsAsync<Azure.RequestFailedException>(async () =>
            await account.Table(CompanyBenchmark.RawTable).QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync());
        Assert.Equal(404, dropped.Status);
    }
}
