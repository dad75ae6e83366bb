using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Leases;

/// <summary>What renewing a lease found.</summary>
public enum LeaseRenewal
{
    Renewed,

    /// <summary>The lease is gone (expired and taken, broken, or the blob deleted): the holder must stop.</summary>
    Lost,

    /// <summary>Storage could not be asked (timeout, 5xx, network); the lease may still be ours, so try again soon.</summary>
    Unreachable,
}

/// <summary>
/// Single attempts at blob-lease locks in <c>azure-webjobs-hosts</c>, as Azure's singleton lock manager takes them: the
/// lock is an empty blob (created on first use, with its container), holding it means holding a lease on it. Waiting,
/// retrying and renewing in the background belong to the caller.
/// </summary>
public sealed class BlobLeaseLocks(BlobContainerClient container)
{
    public static BlobLeaseLocks For(StorageAccount account) => new(WebJobsHosts.Container(account));

    public BlobContainerClient Container { get; } = container;

    /// <summary>The lease id when the lease was free, or null when someone else holds it.</summary>
    public async Task<string?> TryAcquireAsync(string blobName, TimeSpan period, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(blobName);
        try
        {
            return (await blob.GetBlobLeaseClient().AcquireAsync(period, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.LeaseId;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await CreateLockBlobAsync(blob, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return (await blob.GetBlobLeaseClient().AcquireAsync(period, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.LeaseId;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<LeaseRenewal> RenewAsync(string blobName, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(blobName).GetBlobLeaseClient(leaseId).RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return LeaseRenewal.Renewed;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return LeaseRenewal.Lost;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return LeaseRenewal.Unreachable;
        }
    }

    /// <summary>Releases the lease; nothing to do when it already expired, was taken or the blob is gone.</summary>
    public async Task ReleaseAsync(string blobName, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(blobName).GetBlobLeaseClient(leaseId).ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
        }
    }

    /// <summary>An empty blob, created only if missing (a leased blob would refuse an overwrite anyway).</summary>
    private async Task CreateLockBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var onlyIfMissing = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await blob.UploadAsync(BinaryData.Empty, onlyIfMissing, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return; // created meanwhile by another host
            }
            catch (RequestFailedException e) when (e.Status == 404 && attempt == 1)
            {
                await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
