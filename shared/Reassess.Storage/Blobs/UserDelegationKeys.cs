using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Blobs;

/// <summary>
/// The keys storage lends an identity to sign report links with (a user delegation key): asking for one costs a
/// request and a token, and links are made in batches (one per team and file), so one key is kept and reused for
/// every link it outlives, and a new one is asked for only when a link would outlive the kept one.
/// </summary>
internal sealed class UserDelegationKeys(Func<BlobGetUserDelegationKeyOptions, CancellationToken, Task<UserDelegationKey>> lend, TimeProvider clock)
{
    /// <summary>
    /// How long a key is asked for: just under the 7 days storage allows, measured by its clock, not this host's, so a
    /// host whose clock runs ahead is not refused. A link meant to live longer than this gets a key as long as itself.
    /// </summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromDays(7) - TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _asking = new(1, 1);
    private UserDelegationKey? _kept;

    /// <summary>Keys lent by the storage account behind <paramref name="blobs"/>, a client signed in with an identity.</summary>
    internal static UserDelegationKeys From(BlobServiceClient blobs, TimeProvider clock) =>
        new(async (options, cancellationToken) =>
        {
            try
            {
                return (await blobs.GetUserDelegationKeyAsync(options, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e)
            {
                throw new StorageReadException(
                    $"Storage at {blobs.Uri.Host} would not lend a key to sign report links ({e.Status} {e.ErrorCode}). " +
                    "The identity needs a role that may ask for one on the account, such as Storage Blob Data Owner or Storage Blob Delegator.", e);
            }
            catch (AuthenticationFailedException e)
            {
                throw new StorageReadException(
                    $"A key to sign report links could not be asked of storage at {blobs.Uri.Host}: the identity could not sign in ({e.Message.Split('\n')[0].Trim()}).", e);
            }
        }, clock);

    /// <summary>A key valid at least until <paramref name="expiresOn"/>: the kept one if it lasts that long, else a new one.</summary>
    public async Task<UserDelegationKey> CoveringAsync(DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        await _asking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_kept is { } kept && kept.SignedExpiresOn >= expiresOn) return kept;
            var now = clock.GetUtcNow();
            var until = expiresOn > now + Lifetime ? expiresOn : now + Lifetime;
            _kept = await lend(new BlobGetUserDelegationKeyOptions(until) { StartsOn = now - ReportLinks.ClockSkew }, cancellationToken).ConfigureAwait(false);
            return _kept;
        }
        finally
        {
            _asking.Release();
        }
    }
}
