using System.Net.Sockets;
using Azure;

namespace Reassess.Storage.Tables;

/// <summary>
/// Tells a storage service that is unavailable (unreachable, throttling, failing: the clients' retries ran out) from
/// one that refused what it was given (a key or value it cannot hold). Only the second is one item's fault; the
/// first stops a run, since every item would meet it. Callers outside storage classify failures here, so none of
/// them needs to know the storage clients' own exception types.
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

    /// <summary>Whether <paramref name="exception"/> is a storage request that failed: refused, failing, or not answered at all.</summary>
    public static bool IsRequestFailure(Exception exception) => exception is RequestFailedException;

    /// <summary>
    /// The HTTP status a failed storage request ended with (0 when storage could not be reached); null when
    /// <paramref name="exception"/> is not a failed storage request (<see cref="IsRequestFailure"/>).
    /// </summary>
    public static int? StatusOf(Exception exception) => exception is RequestFailedException e ? e.Status : null;
}
