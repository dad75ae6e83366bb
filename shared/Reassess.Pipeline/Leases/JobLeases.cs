using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;

namespace Reassess.Pipeline.Leases;

/// <summary>
/// One host's singleton locks: a job is run by whoever holds the lease on <c>azure-webjobs-hosts/locks/{hostId}/{job}</c>.
/// Timer runs and on-demand (HTTP) runs of a job ask for the same lock, so they are serialised across every host that
/// shares the host id, as Azure's <c>[Singleton]</c> locks are.
/// </summary>
public sealed class JobLeases : IJobGate
{
    private readonly BlobLeaseLocks _locks;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public JobLeases(BlobLeaseLocks locks, string hostId, JobLeaseOptions? options = null, TimeProvider? clock = null, ILogger? logger = null)
    {
        _locks = locks;
        HostId = WebJobsHosts.ValidateHostId(hostId);
        Options = options ?? new JobLeaseOptions();
        Options.Validate();
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    public JobLeases(StorageAccount account, string hostId, JobLeaseOptions? options = null, TimeProvider? clock = null, ILogger? logger = null)
        : this(BlobLeaseLocks.For(account), hostId, options, clock, logger)
    {
    }

    public string HostId { get; }

    public JobLeaseOptions Options { get; }

    /// <summary>
    /// The lease on <paramref name="lockName"/>, trying every <see cref="JobLeaseOptions.PollInterval"/> while someone
    /// else holds it; null when they still hold it after <paramref name="wait"/> (zero: one attempt;
    /// <see cref="Timeout.InfiniteTimeSpan"/>: until cancelled).
    /// </summary>
    public Task<JobLease?> TryAcquireAsync(string lockName, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (wait == Timeout.InfiniteTimeSpan) return AcquireAsync(lockName, deadline: null, cancellationToken);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        var now = _clock.GetUtcNow();
        return AcquireAsync(lockName, DateTimeOffset.MaxValue - now > wait ? now + wait : null, cancellationToken);
    }

    /// <summary>The lease on <paramref name="lockName"/>, waiting as long as it takes (until cancelled).</summary>
    public async Task<JobLease> AcquireAsync(string lockName, CancellationToken cancellationToken = default) =>
        (await AcquireAsync(lockName, deadline: null, cancellationToken).ConfigureAwait(false))!;

    async Task<IAsyncDisposable?> IJobGate.TryEnterAsync(JobName job, TimeSpan wait, CancellationToken cancellationToken) =>
        await TryAcquireAsync(job.ToString(), wait, cancellationToken).ConfigureAwait(false);

    private async Task<JobLease?> AcquireAsync(string lockName, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var blobName = BlobNameOf(lockName);
        var told = false;
        while (true)
        {
            var leaseId = await _locks.TryAcquireAsync(blobName, Options.LeasePeriod, cancellationToken).ConfigureAwait(false);
            if (leaseId is not null)
            {
                _logger.LogDebug("Lease on {Lock} acquired", blobName);
                return new JobLease(lockName, blobName, leaseId, _locks, Options, _clock, _logger);
            }

            var left = deadline is { } end ? end - _clock.GetUtcNow() : Options.PollInterval;
            if (left <= TimeSpan.Zero) return null;
            if (!told) _logger.LogInformation("{Lock} is held by another run; waiting for it", blobName);
            told = true;
            await Task.Delay(left < Options.PollInterval ? left : Options.PollInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private string BlobNameOf(string lockName)
    {
        if (lockName.Length is 0 or > 200 || !lockName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"Lock name '{lockName}' must be 1-200 ASCII letters, digits, '-', '_' or '.'.", nameof(lockName));
        return WebJobsHosts.LockBlob(HostId, lockName);
    }
}
