using System.Diagnostics;
using System.Diagnostics.Metrics;
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
    /// <summary>The meter every write is counted on and the activity source of each transaction's span (OpenTelemetry listens to both).</summary>
    public const string MeterName = "Reassess.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ActivitySource Spans = new(MeterName);
    private static readonly Counter<long> EntitiesWritten = Meter.CreateCounter<long>("reassess.table.entities_written", "{entity}", "Rows written or deleted in table transactions");
    private static readonly Counter<long> BytesWritten = Meter.CreateCounter<long>("reassess.table.bytes_written", "By", "Estimated payload of those rows");

    /// <summary>The service's limit on entities in one transaction.</summary>
    public const int MaxTransactionEntities = 100;

    /// <summary>Estimated payload bytes per transaction; the service limit is 4 MiB, the margin covers JSON framing.</summary>
    private const int MaxTransactionBytes = 3 * 1024 * 1024;

    private readonly int _maxParallelTransactions;

    /// <param name="maxParallelTransactions">
    /// Transactions in flight at once, across partitions and within one (they name different rows, so their order does
    /// not matter); enough to keep Azurite and the service busy without throttling.
    /// </param>
    public TableBatchWriter(int maxParallelTransactions = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelTransactions, 1);
        _maxParallelTransactions = maxParallelTransactions;
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

        var total = new BatchWriteResult(0, partitions.Count, 0, 0);
        var gate = new object();
        await Parallel.ForEachAsync(
            partitions.SelectMany(p => Transactions(p.Value.Values).Select(rows => (Partition: p.Key, Rows: rows))),
            new ParallelOptions { MaxDegreeOfParallelism = _maxParallelTransactions, CancellationToken = cancellationToken },
            async (transaction, ct) =>
            {
                await SubmitAsync(table, transaction.Partition, transaction.Rows, action, ct).ConfigureAwait(false);
                lock (gate) total += new BatchWriteResult(transaction.Rows.Count, 0, 1, transaction.Rows.Count);
            }).ConfigureAwait(false);
        return total;
    }

    private static async Task SubmitAsync(
        TableClient table, string partitionKey, List<TableEntity> transaction, Func<TableEntity, TableTransactionAction> action,
        CancellationToken cancellationToken)
    {
        using var span = Spans.StartActivity("table batch", ActivityKind.Client);
        span?.SetTag("db.system.name", "azure.table");
        span?.SetTag("db.collection.name", table.Name);
        span?.SetTag("reassess.table.partition", partitionKey);
        span?.SetTag("db.operation.batch.size", transaction.Count);
        try
        {
            await table.SubmitTransactionAsync(transaction.Select(action), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.ErrorCode);
            var row = e is TableTransactionFailedException { FailedTransactionActionIndex: { } i } && i < transaction.Count
                ? $" at row '{transaction[i].RowKey}'"
                : "";
            var hint = e.ErrorCode == "TableNotFound" ? " The table does not exist: call StorageAccount.EnsureCreatedAsync at start-up." : "";
            throw new StorageWriteException(
                $"Writing {transaction.Count} rows to table {table.Name}, partition '{partitionKey}' failed{row}: {e.Message}{hint}", e);
        }

        var tag = new KeyValuePair<string, object?>("table", table.Name);
        EntitiesWritten.Add(transaction.Count, tag);
        BytesWritten.Add(transaction.Sum(EstimatedBytes), tag);
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
    public static long EstimatedBytes(TableEntity entity) =>
        512 + entity.Sum(p => 2L * p.Key.Length + p.Value switch
        {
            string s => 2L * s.Length,
            byte[] b => (b.Length + 2) / 3 * 4, // sent as base64
            _ => 64,
        });
}
