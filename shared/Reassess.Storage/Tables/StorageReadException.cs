namespace Reassess.Storage.Tables;

/// <summary>A read storage could not answer (unreachable, throttling past the retries), with what was being read.</summary>
public sealed class StorageReadException(string message, Exception inner) : Exception(message, inner);
