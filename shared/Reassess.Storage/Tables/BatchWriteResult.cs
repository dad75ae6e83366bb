namespace Reassess.Storage.Tables;

/// <summary>What a batch write did: rows written, partitions touched, transactions sent and the largest one.</summary>
public readonly record struct BatchWriteResult(int Entities, int Partitions, int Transactions, int LargestTransaction)
{
    public static BatchWriteResult None => default;

    public static BatchWriteResult operator +(BatchWriteResult a, BatchWriteResult b) =>
        new(a.Entities + b.Entities, a.Partitions + b.Partitions, a.Transactions + b.Transactions,
            Math.Max(a.LargestTransaction, b.LargestTransaction));
}
