using Microsoft.Extensions.Logging;
using Reassess.Storage.Leases;
using Reassess.Storage.Tables;

namespace Reassess.Pipeline.Leases;

/// <summary>
/// A held job lease. It is renewed in the background while held; if renewal finds it taken (it expired while storage
/// was unreachable, or someone broke it), <see cref="Lost"/> is cancelled so the run can stop before it overlaps another.
/// Disposing stops renewal and releases it.
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly string _leaseId;
    private readonly BlobLeaseLocks _locks;
    private readonly JobLeaseOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private int _disposed;

    internal JobLease(string lockName, string blobName, string leaseId, BlobLeaseLocks locks, JobLeaseOptions options, TimeProvider clock, ILogger logger)
    {
        LockName = lockName;
        BlobName = blobName;
        _leaseId = leaseId;
        _locks = locks;
        _options = options;
        _clock = clock;
        _logger = logger;
        _renewing = RenewAsync(_stopRenewing.Token);
    }

    public string LockName { get; }

    /// <summary>The lock blob in <c>azure-webjobs-hosts</c>, e.g. <c>locks/reassess/ReassessWorkloads</c>.</summary>
    public string BlobName { get; }

    /// <summary>Cancelled when the lease was lost while held.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        if (!IsLost)
        {
            try
            {
                using var timeout = new CancellationTokenSource(ReleaseTimeout);
                await _locks.ReleaseAsync(BlobName, _leaseId, timeout.Token).ConfigureAwait(false);
                _logger.LogDebug("Lease on {Lock} released", BlobName);
            }
            catch (Exception e) when (StorageFailure.IsRequestFailure(e) || e is HttpRequestException or OperationCanceledException)
            {
                // It expires by itself within the lease period; the next holder only waits that long.
                _logger.LogWarning("Could not release the lease on {Lock} ({Error}); it expires within {Seconds:0} s", BlobName, e.Message, _options.LeasePeriod.TotalSeconds);
            }
        }

        _stopRenewing.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        var renewedAt = _clock.GetUtcNow();
        var delay = _options.EffectiveRenewInterval;
        try
        {
            while (true)
            {
                await Task.Delay(delay, _clock, stop).ConfigureAwait(false);
                switch (await TryRenewAsync(stop).ConfigureAwait(false))
                {
                    case LeaseRenewal.Renewed:
                        renewedAt = _clock.GetUtcNow();
                        delay = _options.EffectiveRenewInterval;
                        break;
                    case LeaseRenewal.Unreachable when _clock.GetUtcNow() - renewedAt < _options.LeasePeriod:
                        _logger.LogWarning("Could not renew the lease on {Lock}; trying again", BlobName);
                        delay = RetryAfterFailure;
                        break;
                    default:
                        _logger.LogError("The lease on {Lock} was lost while held; the run holding it is being stopped", BlobName);
                        await _lost.CancelAsync().ConfigureAwait(false);
                        return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Anything unexpected (a credential that cannot get a token, say) counts as "could not ask" until the lease lapses.</summary>
    private async Task<LeaseRenewal> TryRenewAsync(CancellationToken stop)
    {
        try
        {
            return await _locks.RenewAsync(BlobName, _leaseId, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            _logger.LogWarning("Renewing the lease on {Lock} failed: {Error}", BlobName, e.Message);
            return LeaseRenewal.Unreachable;
        }
    }
}
