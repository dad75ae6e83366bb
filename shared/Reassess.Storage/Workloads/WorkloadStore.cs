using System.Text.Json;
using Azure.Data.Tables;
using Reassess.Core.Json;
using Reassess.Core.Workloads;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Workloads;

/// <summary>
/// The workload catalogue: table <c>Workloads</c>, PK team, RK workload id. The whole workload is kept as JSON so
/// nothing is lost as the contract grows; a few columns repeat the fields a person scans for in Storage Explorer.
/// </summary>
public sealed class WorkloadStore(StorageAccount account, TableBatchWriter? writer = null)
{
    private readonly TableClient _table = account.Table(account.Settings.WorkloadsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    /// <summary>
    /// Adds or replaces workloads. A workload that moved to another team is removed from its old partition, so an
    /// id is never listed twice.
    /// </summary>
    public async Task<BatchWriteResult> UpsertAsync(IEnumerable<Workload> workloads, CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            var row = ToEntity(workload);
            if (!rows.TryAdd(workload.Id, row))
                throw new ArgumentException($"Workload id '{workload.Id}' appears more than once; ids must be unique.", nameof(workloads));
        }

        if (rows.Count == 0) return BatchWriteResult.None;

        var existing = await TeamsByIdAsync(cancellationToken).ConfigureAwait(false);
        var written = await _writer.UpsertAsync(_table, rows.Values, cancellationToken).ConfigureAwait(false);
        var moved = rows.Values
            .SelectMany(row => existing.TryGetValue(row.RowKey, out var teams) ? teams.Where(t => t != row.PartitionKey).Select(t => new TableEntity(t, row.RowKey)) : [])
            .ToList();
        if (moved.Count > 0) await _writer.DeleteAsync(_table, moved, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Every workload, ordered by team then id.</summary>
    public async Task<IReadOnlyList<Workload>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var workloads = new List<Workload>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            workloads.Add(FromEntity(row));
        return workloads;
    }

    public async Task<Workload?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        StorageKeys.Validate(id, "Workload id");
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.RowKey == id, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
            return FromEntity(row);
        return null;
    }

    /// <summary>Removes the workload; false when there was none with that id. Its history (usage, assessments) stays.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        StorageKeys.Validate(id, "Workload id");
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.RowKey == id, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(row);
        if (rows.Count == 0) return false;
        await _writer.DeleteAsync(_table, rows, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<Dictionary<string, List<string>>> TeamsByIdAsync(CancellationToken cancellationToken)
    {
        var teams = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!teams.TryGetValue(row.RowKey, out var list)) teams[row.RowKey] = list = [];
            list.Add(row.PartitionKey);
        }

        return teams;
    }

    private static TableEntity ToEntity(Workload workload)
    {
        var row = new TableEntity(
            StorageKeys.Validate(workload.Team, $"Team of workload '{workload.Id}'"),
            StorageKeys.Validate(workload.Id, "Workload id"))
        {
            ["Name"] = workload.Name,
            ["CostCenter"] = workload.CostCenter,
            ["BaselineModel"] = workload.Baseline.Model,
            ["FineTuneModel"] = workload.FineTune.Model,
        };
        TableColumns.SetText(row, "Json", JsonSerializer.Serialize(workload, ReassessJson.Compact));
        return row;
    }

    private static Workload FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<Workload>(TableColumns.GetText(row, "Json") ?? "null", ReassessJson.Compact)
        ?? throw new InvalidDataException($"Workload row '{row.PartitionKey}'/'{row.RowKey}' has no JSON.");
}
