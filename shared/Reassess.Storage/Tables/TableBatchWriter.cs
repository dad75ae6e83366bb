using Azure;
using Azure.Data.Tables;

namespace Reassess.Storage.Tables;

/// <summary>
/// Writes many rows the fast way the table service allows: grouped by partition into transactions of at most 100
/// entities (and well under the 4 MiB payload limit), several partitions at a time. Upserts replace the whole row,
/// so writing the same input twice leaves the same rows. Every store writes through this.
/// </summary>
public sealed class TableBatchWriter
{
    /// <summary>The service's limit on entities in one transaction.</summary>
    public const int MaxTransactionEntities = 100;

    /// <summary>Estimated payload bytes per transaction; the service limit is 4 MiB, the margin covers JSON framing.</summary>
    private const int MaxTransactionBytes = 3 * 1024 * 1024;

    private readonly int _maxParallelPartitions;

    /// <param name="maxParallelPartitions">Partitions written at once; a handful keeps Azurite and the service busy without throttling.</param>
    public TableBatchWriter(int maxParallelPartitions = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelPartitions, 1);
        _maxParallelPartitions = maxParallelPartitions;
    }

    /// <summary>
    /// Upserts (replaces) every entity. Keys are checked before anything is sent, so a bad key fails the whole call
    /// with a message naming it instead of leaving half the rows written. When the same row appears twice the last
    /// one wins, as it would written one at a time.
    /// </summary>
    public Task<BatchWriteResult> UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken = default) =>
        WriteAsync(table, entities, e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e), cancellationToken);

    /// <summary>
    /// Upserts by merging: only the columns given are written, the row's other columns stay. Used where one row
    /// collects values written at different times (a month of daily usage), so no write has to read the row first.
    /// </summary>
    public Task<BatchWriteResult> MergeAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken = default) =>
        WriteAsync(table, entities, e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e), cancellationToken);

    /// <summary>Deletes the given rows (by key; missing rows are fine), in the same per-partition transactions.</summary>
    public Task<BatchWriteResult> DeleteAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken = default) =>
        WriteAsync(table, entities, e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All), cancellationToken);

    private async Task<BatchWriteResult> WriteAsync(
        TableClient table, IEnumerable<TableEntity> entities, Func<TableEntity, TableTransactionAction> action, CancellationToken cancellationToken)
    {
        var partitions = new Dictionary<string, Dictionary<string, TableEntity>>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            StorageKeys.Validate(entity.PartitionKey, $"PartitionKey of a row for table {table.Name}");
            StorageKeys.Validate(entity.RowKey, $"RowKey of a row in partition '{entity.PartitionKey}' of table {table.Name}");
            if (!partitions.TryGetValue(entity.PartitionKey, out var rows))
                partitions[entity.PartitionKey] = rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            rows[entity.RowKey] = entity; // the service rejects a transaction naming one row twice
        }

        if (partitions.Count == 0) return BatchWriteResult.None;

        var total = BatchWriteResult.None;
        var gate = new object();
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = _maxParallelPartitions, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var written = await WritePartitionAsync(table, partition.Key, partition.Value.Values, action, ct).ConfigureAwait(false);
                lock (gate) total += written;
            }).ConfigureAwait(false);
        return total;
    }

    private static async Task<BatchWriteResult> WritePartitionAsync(
        TableClient table, string partitionKey, IEnumerable<TableEntity> rows, Func<TableEntity, TableTransactionAction> action,
        CancellationToken cancellationToken)
    {
        var result = new BatchWriteResult(0, 1, 0, 0);
        foreach (var transaction in Transactions(rows))
        {
            try
            {
                await table.SubmitTransactionAsync(transaction.Select(action), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e)
            {
                var row = e is TableTransactionFailedException { FailedTransactionActionIndex: { } i } && i < transaction.Count
                    ? $" at row '{transaction[i].RowKey}'"
                    : "";
                var hint = e.ErrorCode == "TableNotFound" ? " The table does not exist: call StorageAccount.EnsureCreatedAsync at start-up." : "";
                throw new StorageWriteException(
                    $"Writing {transaction.Count} rows to table {table.Name}, partition '{partitionKey}' failed{row}: {e.Message}{hint}", e);
            }

            result += new BatchWriteResult(transaction.Count, 0, 1, transaction.Count);
        }

        return result;
    }

    /// <summary>Cuts a partition's rows into transactions by entity count and estimated payload size.</summary>
    private static IEnumerable<List<TableEntity>> Transactions(IEnumerable<TableEntity> rows)
    {
        var current = new List<TableEntity>(MaxTransactionEntities);
        var bytes = 0L;
        foreach (var row in rows)
        {
            var size = EstimatedBytes(row);
            if (current.Count == MaxTransactionEntities || (current.Count > 0 && bytes + size > MaxTransactionBytes))
            {
                yield return current;
                current = new List<TableEntity>(MaxTransactionEntities);
                bytes = 0;
            }

            current.Add(row);
            bytes += size;
        }

        if (current.Count > 0) yield return current;
    }

    /// <summary>Rough size of an entity in the request: two bytes a character leaves room for non-ASCII text and JSON escaping.</summary>
    private static long EstimatedBytes(TableEntity entity) =>
        512 + entity.Sum(p => 2L * (p.Key.Length + (p.Value is string s ? s.Length : 32)));
}
