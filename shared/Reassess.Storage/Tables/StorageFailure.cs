using System.Net.Sockets;
using Azure;

namespace Reassess.Storage.Tables;

/// <summary>
/// Tells a storage service that is unavailable (unreachable, throttling, failing: the clients' retries ran out) from
/// one that refused what it was given (a key or value it cannot hold). Only the second is one item's fault; the
/// first stops a run, since every item would meet it.
/// </summary>
public static class StorageFailure
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException e => e.Status is 0 or 408 or 429 or >= 500,
        StorageWriteException { InnerException: { } inner } => IsUnavailable(inner),
        StorageReadException { InnerException: { } inner } => IsUnavailable(inner),
        AggregateException e => e.InnerExceptions.Any(IsUnavailable),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };
}
