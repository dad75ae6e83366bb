using System.Text;
using Azure.Data.Tables;
using Reassess.Core.Time;
using Reassess.Storage.Runs;
using Reassess.Storage.Tables;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

/// <summary>
/// One workload never stops the weekly run for the others, a rerun reports exactly the current catalogue, and a run
/// that does stop is recorded as failed for health and the next report to show.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class OneBadWorkloadTests(AzuriteFixture azurite)
{
    private static readonly IsoWeek W48 = IsoWeek.Of(SampleWorkspace.AsOf);

    [Fact]
    public async Task A_stored_workload_whose_rows_storage_refuses_is_reported_and_the_run_completes_for_the_rest()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var clean = await workspace.RunAsync();
        // Stored before cost centres were bounded: its cost-trend partition key would be over 1 KiB.
        var triage = (await workspace.Context.Workloads.FindAsync("ticket-triage"))!;
        await workspace.Context.Workloads.UpsertAsync([triage with { Id = "legacy-cost-centre", CostCenter = new string('c', 600) }]);

        var result = await workspace.RunAsync();

        Assert.False(result.Failed);
        var problem = Assert.Single(result.Problems, p => p.Location == "workload 'legacy-cost-centre'");
        Assert.StartsWith("could not be assessed or stored (Cost-trend partition (the cost centre) 'cccc", problem.Message);
        Assert.Equal(6, (await workspace.Context.Assessments.ListWeekAsync(W48)).Count);
        var report = Encoding.UTF8.GetString(result.Files.Single(f => f.Name == "index.html").Content);
        Assert.Contains("workload &#39;legacy-cost-centre&#39;", report);
        Assert.Equal(
            clean.Files.Single(f => f.Name == "finance.csv").Content,
            result.Files.Single(f => f.Name == "finance.csv").Content);
    }

    [Fact]
    public async Task Rerunning_a_week_after_a_workload_was_deleted_reports_only_the_current_workloads()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        await workspace.RunAsync();
        var workloads = workspace.PathOf("samples/workloads.json");
        var catalogue = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(workloads))!;
        var list = catalogue["workloads"]!.AsArray();
        list.Remove(list.Single(w => (string?)w!["id"] == "code-review"));
        File.WriteAllText(workloads, catalogue.ToJsonString());
        await workspace.Context.Workloads.DeleteAsync("code-review");

        var rerun = await workspace.RunAsync();

        var week = await workspace.Context.Assessments.ListWeekAsync(W48);
        Assert.Equal(5, week.Count);
        Assert.DoesNotContain(week, a => a.WorkloadId == "code-review");
        var finance = Encoding.UTF8.GetString(rerun.Files.Single(f => f.Name == "finance.csv").Content);
        Assert.DoesNotContain(finance.Split('\n'), line => line.Contains("2026-W48", StringComparison.Ordinal) && line.Contains("code-review", StringComparison.Ordinal));
        var trends = await workspace.Context.CostTrends.ListAsync(W48, W48);
        Assert.Equal(week.Select(a => a.WorkloadId).Order(), trends.Select(t => t.WorkloadId).Order());
    }

    [Fact]
    public async Task A_run_that_stops_is_recorded_as_failed_with_why_and_the_exception_goes_on()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        await workspace.RunAsync();
        // A week row whose JSON cannot be read back: the report job cannot go on.
        var row = new TableEntity($"2026-W48|{StorageKeys.Shard("ticket-triage")}", "ticket-triage") { ["WorkloadId"] = "ticket-triage", ["Json"] = "{not json" };
        await account.Table(account.Settings.AssessmentsTable).UpsertEntityAsync(row, TableUpdateMode.Replace);

        await Assert.ThrowsAnyAsync<Exception>(() => new Jobs.PublishWeeklyReport(workspace.Context).RunAsync(W48));

        var run = await new RunStore(account).GetAsync("PublishWeeklyReport", RunPeriod.Week(W48));
        Assert.Equal(RunStatus.Failed, run?.Status);
        var why = Assert.Single(run!.Problems);
        Assert.Equal(("PublishWeeklyReport", "2026-W48"), (why.Source, why.Location));
        Assert.StartsWith("the run stopped: ", why.Message);
    }
}
