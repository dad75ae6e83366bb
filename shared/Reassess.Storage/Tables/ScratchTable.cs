using Azure.Data.Tables;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Tables;

/// <summary>A row for a <see cref="ScratchTable"/>: its keys and its columns.</summary>
public sealed record ScratchRow(string Partition, string Row, IReadOnlyList<KeyValuePair<string, object>> Columns);

/// <summary>
/// A table that lives for one measurement: created when opened, dropped when disposed. Rows go through the same
/// <see cref="TableBatchWriter"/> the stores write with, so what is measured is the stores' write path with nothing
/// else to do.
/// </summary>
public sealed class ScratchTable : IAsyncDisposable
{
    private readonly TableClient _table;
    private readonly TableBatchWriter _writer = new();

    private ScratchTable(TableClient table) => _table = table;

    /// <summary>Creates the table <paramref name="name"/> (prefixed like the account's other tables) if it is not there.</summary>
    public static async Task<ScratchTable> OpenAsync(StorageAccount account, string name, CancellationToken cancellationToken = default)
    {
        var table = account.Table(name);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return new ScratchTable(table);
    }

    public Task<BatchWriteResult> UpsertAsync(IEnumerable<ScratchRow> rows, CancellationToken cancellationToken = default) =>
        _writer.UpsertAsync(_table, rows.Select(ToEntity), cancellationToken);

    /// <summary>The bytes the writer counts a row as (keys included), to size rows like the ones they stand in for.</summary>
    public static long EstimatedBytes(ScratchRow row) => TableBatchWriter.EstimatedBytes(ToEntity(row));

    /// <summary>
    /// The columns of up to <paramref name="count"/> rows of the table <paramref name="fullName"/> (prefix included),
    /// without keys and service columns: samples to copy into a scratch table.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<KeyValuePair<string, object>>>> SampleColumnsAsync(
        StorageAccount account, string fullName, int count, CancellationToken cancellationToken = default)
    {
        var samples = new List<IReadOnlyList<KeyValuePair<string, object>>>();
        if (count <= 0) return samples;
        await foreach (var row in account.Tables.GetTableClient(fullName).QueryAsync<TableEntity>(maxPerPage: count, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            samples.Add(row.Where(c => c.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).ToList());
            if (samples.Count == count) break;
        }

        return samples;
    }

    /// <summary>Drops the table, whatever the measurement's cancellation.</summary>
    public async ValueTask DisposeAsync() => await _table.DeleteAsync(CancellationToken.None).ConfigureAwait(false);

    private static TableEntity ToEntity(ScratchRow row)
    {
        var entity = new TableEntity(row.Partition, row.Row);
        foreach (var (column, value) in row.Columns) entity[column] = value;
        return entity;
    }
}
