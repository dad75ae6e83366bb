namespace Reassess.Storage.Tables;

/// <summary>A write the service refused, with the table, partition and row it was about.</summary>
public sealed class StorageWriteException(string message, Exception inner) : Exception(message, inner);
