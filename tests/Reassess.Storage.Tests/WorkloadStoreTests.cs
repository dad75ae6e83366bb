using System.Text.Json;
using Azure.Data.Tables;
using Reassess.Core.Json;
using Reassess.Core.Workloads;
using Reassess.Storage.Tables;
using Reassess.Storage.Workloads;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class WorkloadStoreTests(AzuriteFixture azurite)
{
    private static string Json(Workload workload) => JsonSerializer.Serialize(workload, ReassessJson.Compact);

    [Fact]
    public async Task Workloads_read_back_exactly_as_written()
    {
        var store = new WorkloadStore(await azurite.NewAccountAsync());
        var triage = Samples.Workload();
        var summaries = Samples.Workload("call-summaries", "sales") with { Name = "Call summaries" };

        var result = await store.UpsertAsync([triage, summaries]);

        Assert.Equal(2, result.Entities);
        var all = await store.GetAllAsync();
        Assert.Equal(["call-summaries", "support-triage"], all.Select(w => w.Id)); // team order: sales, support
        Assert.Equal(Json(triage), Json(all.Single(w => w.Id == "support-triage")));
        Assert.Equal(0.005m, all[1].Targets.Format.Tolerance);
        Assert.Equal("openrouter/meta-llama/llama-3.1-70b", all[1].Alternatives[0].Model);
    }

    [Fact]
    public async Task Readable_columns_sit_beside_the_JSON()
    {
        var account = await azurite.NewAccountAsync();
        await new WorkloadStore(account).UpsertAsync([Samples.Workload()]);

        var row = (await account.Table(account.Settings.WorkloadsTable).GetEntityAsync<TableEntity>(StorageKeys.Shard("support-triage"), "support-triage")).Value;

        Assert.Equal("support", row.GetString("Team"));
        Assert.Equal("Support ticket triage", row.GetString("Name"));
        Assert.Equal("CC-1042", row.GetString("CostCenter"));
        Assert.Equal("anthropic/claude-haiku-4.5", row.GetString("BaselineModel"));
        Assert.Equal("selfhosted/llama-3-8b-ft", row.GetString("FineTuneModel"));
    }

    [Fact]
    public async Task A_workload_that_moves_team_is_listed_once_under_its_new_team()
    {
        var store = new WorkloadStore(await azurite.NewAccountAsync());
        await store.UpsertAsync([Samples.Workload(team: "support")]);

        await store.UpsertAsync([Samples.Workload(team: "customer-ops")]);

        var only = Assert.Single(await store.GetAllAsync());
        Assert.Equal("customer-ops", only.Team);
    }

    [Fact]
    public async Task Find_and_delete_need_only_the_workload_id()
    {
        var store = new WorkloadStore(await azurite.NewAccountAsync());
        await store.UpsertAsync([Samples.Workload(), Samples.Workload("call-summaries", "sales")]);

        var found = await store.FindAsync("call-summaries");
        var deleted = await store.DeleteAsync("call-summaries");
        var deletedAgain = await store.DeleteAsync("call-summaries");

        Assert.Equal("sales", found?.Team);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await store.FindAsync("call-summaries"));
        Assert.Equal(["support-triage"], (await store.GetAllAsync()).Select(w => w.Id));
    }

    [Fact]
    public async Task The_same_id_twice_in_one_call_is_rejected_naming_the_id()
    {
        var store = new WorkloadStore(await azurite.NewAccountAsync());

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.UpsertAsync([Samples.Workload(team: "support"), Samples.Workload(team: "sales")]));

        Assert.Contains("Workload id 'support-triage' appears more than once", error.Message);
        Assert.Empty(await store.GetAllAsync());
    }

    [Fact]
    public async Task A_workload_without_a_team_is_rejected_naming_the_workload()
    {
        var store = new WorkloadStore(await azurite.NewAccountAsync());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([Samples.Workload(team: "")]));

        Assert.Equal("Team of workload 'support-triage' '' cannot be a table key: it is empty.", error.Message);
    }

    [Fact]
    public async Task Writers_racing_to_put_one_id_under_different_teams_leave_one_row()
    {
        var store = new WorkloadStore(await azurite.NewAccountAsync());

        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.SaveAsync(Samples.Workload(team: $"team-{i}"), WriteCondition.None)));

        var only = Assert.Single(await store.GetAllAsync());
        Assert.StartsWith("team-", only.Team);
        Assert.Equal(1, writes.Count(w => w.Outcome == WorkloadWriteOutcome.Created));
        Assert.Equal(7, writes.Count(w => w.Outcome == WorkloadWriteOutcome.Replaced));
    }

    [Fact]
    public async Task A_write_that_names_a_stale_etag_or_creates_an_existing_id_changes_nothing()
    {
        var store = new WorkloadStore(await azurite.NewAccountAsync());
        var created = await store.SaveAsync(Samples.Workload(team: "support"), new WriteCondition(IfNoneExists: true));
        var updated = await store.SaveAsync(Samples.Workload(team: "sales"), new WriteCondition(IfMatch: created.ETag));

        var stale = await store.SaveAsync(Samples.Workload(team: "ops"), new WriteCondition(IfMatch: created.ETag));
        var again = await store.SaveAsync(Samples.Workload(team: "ops"), new WriteCondition(IfNoneExists: true));

        Assert.Equal((WorkloadWriteOutcome.Created, WorkloadWriteOutcome.Replaced), (created.Outcome, updated.Outcome));
        Assert.Equal((WorkloadWriteOutcome.PreconditionFailed, WorkloadWriteOutcome.PreconditionFailed), (stale.Outcome, again.Outcome));
        var stored = (await store.GetAsync("support-triage"))!;
        Assert.Equal(("sales", updated.ETag), (stored.Workload.Team, (Azure.ETag?)stored.ETag));
    }

    [Fact]
    public async Task A_row_of_the_team_keyed_layout_is_read_and_moved_to_the_id_keyed_one_when_written()
    {
        var account = await azurite.NewAccountAsync();
        var table = account.Table(account.Settings.WorkloadsTable);
        var old = new TableEntity("support", "support-triage");
        TableColumns.SetText(old, "Json", Json(Samples.Workload()));
        await table.AddEntityAsync(old);
        var store = new WorkloadStore(account);

        var before = (await store.GetAllAsync()).Select(w => w.Id).ToList();
        await store.UpsertAsync([Samples.Workload(team: "sales")]);

        Assert.Equal(["support-triage"], before);
        var rows = await table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]).ToListAsync();
        Assert.Equal([(StorageKeys.Shard("support-triage"), "support-triage")], rows.Select(r => (r.PartitionKey, r.RowKey)));
        Assert.Equal("sales", Assert.Single(await store.GetAllAsync()).Team);
    }
}
