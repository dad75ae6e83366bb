using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Reassess.Core.Json;
using Reassess.Core.Workloads;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Workloads;

/// <summary>
/// The workload catalogue: table <c>Workloads</c>, PK the id's shard (<see cref="StorageKeys.Shard"/>), RK the workload
/// id. One row per id whatever its team, so two writers can never leave an id in two places; the team is a column.
/// The whole workload is kept as JSON so nothing is lost as the contract grows; a few columns repeat the fields a
/// person scans for in Storage Explorer. Single writes carry the row's ETag, so a client can update only what it read.
/// </summary>
/// <remarks>
/// Rows written when the table was keyed by team (PK team) are still read, and are removed when their workload is
/// written or deleted, so a catalogue moves to this layout with its next sync.
/// </remarks>
public sealed class WorkloadStore(StorageAccount account, TableBatchWriter? writer = null)
{
    private readonly TableClient _table = account.Table(account.Settings.WorkloadsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    /// <summary>Adds or replaces workloads (the catalogue sync).</summary>
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
        var written = await _writer.UpsertAsync(_table, rows.Values, cancellationToken).ConfigureAwait(false);
        var legacy = await LegacyRowsAsync(rows.ContainsKey, cancellationToken).ConfigureAwait(false);
        if (legacy.Count > 0) await _writer.DeleteAsync(_table, legacy, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>
    /// Writes one workload if <paramref name="condition"/> holds: unconditionally, only if no workload has its id
    /// (create), or only if the stored row still has the ETag the caller read (update).
    /// </summary>
    public async Task<WorkloadWrite> SaveAsync(Workload workload, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        var row = ToEntity(workload);
        try
        {
            Response response;
            bool created;
            if (condition.IfNoneExists)
            {
                response = await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                created = true;
            }
            else if (condition.IfMatch is { } etag)
            {
                response = await _table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                created = false;
            }
            else
            {
                // Tried as a create first, so the answer says truly whether it was new, even with writers racing.
                try
                {
                    response = await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                    created = true;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    response = await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    created = false;
                }
            }

            var legacy = new List<TableEntity>();
            await foreach (var old in _table.QueryAsync<TableEntity>(e => e.RowKey == workload.Id, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
                if (IsLegacy(old)) legacy.Add(old);
            if (legacy.Count > 0)
            {
                await _writer.DeleteAsync(_table, legacy, cancellationToken).ConfigureAwait(false);
                created = false;
            }

            return new WorkloadWrite(created ? WorkloadWriteOutcome.Created : WorkloadWriteOutcome.Replaced, response.Headers.ETag);
        }
        // With If-Match, a missing row (404) or an ETag the service cannot read (400) is the version not being there.
        catch (RequestFailedException e) when (e.Status is 409 or 412 || (e.Status is 400 or 404 && condition.IfMatch is not null))
        {
            return new WorkloadWrite(WorkloadWriteOutcome.PreconditionFailed, null);
        }
    }

    /// <summary>Every workload, ordered by team then id.</summary>
    public async Task<IReadOnlyList<Workload>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var current = new Dictionary<string, Workload>(StringComparer.Ordinal);
        var legacy = new Dictionary<string, Workload>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            (IsLegacy(row) ? legacy : current)[row.RowKey] = FromEntity(row);
        foreach (var (id, workload) in legacy) current.TryAdd(id, workload);
        return current.Values.OrderBy(w => w.Team, StringComparer.Ordinal).ThenBy(w => w.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<Workload?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetAsync(id, cancellationToken).ConfigureAwait(false))?.Workload;

    /// <summary>The workload and the ETag of its row, or null when there is none with that id.</summary>
    public async Task<StoredWorkload?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        StorageKeys.Validate(id, "Workload id");
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(StorageKeys.Shard(id), id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row.HasValue) return new StoredWorkload(FromEntity(row.Value!), row.Value!.ETag);
        await foreach (var old in _table.QueryAsync<TableEntity>(e => e.RowKey == id, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
            return new StoredWorkload(FromEntity(old), old.ETag);
        return null;
    }

    /// <summary>
    /// Which of <paramref name="ids"/> name a stored workload: a point read each for a few ids, and one scan of the keys
    /// (never the workloads themselves) for many, or to find rows of the older layout.
    /// </summary>
    public async Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count <= 100)
        {
            var present = await Task.WhenAll(ids.Select(async id =>
                (Id: id, Found: (await _table.GetEntityIfExistsAsync<TableEntity>(StorageKeys.Shard(id), id, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue))).ConfigureAwait(false);
            found.UnionWith(present.Where(p => p.Found).Select(p => p.Id));
            if (found.Count == ids.Count) return found;
        }

        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            if (wanted.Contains(row.RowKey)) found.Add(row.RowKey);
        return found;
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

    /// <summary>Rows of the old layout (PK team) for the ids <paramref name="of"/> names, from one scan of the keys.</summary>
    private async Task<List<TableEntity>> LegacyRowsAsync(Func<string, bool> of, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            if (IsLegacy(row) && of(row.RowKey)) rows.Add(row);
        return rows;
    }

    private static bool IsLegacy(TableEntity row) => row.PartitionKey != StorageKeys.Shard(row.RowKey);

    private static TableEntity ToEntity(Workload workload)
    {
        var id = StorageKeys.Validate(workload.Id, "Workload id");
        var row = new TableEntity(StorageKeys.Shard(id), id)
        {
            ["Team"] = StorageKeys.Validate(workload.Team, $"Team of workload '{workload.Id}'"),
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
