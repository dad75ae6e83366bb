using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline.Leases;
using Reassess.Storage.Configuration;
using Reassess.Storage.Leases;

namespace Reassess.Host.Scheduling;

/// <summary>
/// Runs timer jobs as Azure Functions does, for the self-hosted runner: each timer fires at its NCRONTAB occurrences
/// (UTC), at most one host sharing the host id runs an occurrence (job lease plus the stored status), a missed
/// occurrence found at start-up runs once marked past due, and a run never overlaps itself. Stopping lets a running
/// job finish (or stop at its token after <see cref="TimerSchedulerOptions.ShutdownGrace"/>) and releases its lease.
/// </summary>
public sealed class TimerScheduler
{
    private readonly IReadOnlyList<TimerLoop> _loops;
    private readonly ILogger _logger;
    private int _started;

    public TimerScheduler(
        IEnumerable<ScheduledTimer> timers, JobLeases leases, TimerStatusStore statuses, TimeProvider clock, ILogger logger, TimerSchedulerOptions? options = null)
    {
        if (leases.HostId != statuses.HostId)
            throw new ArgumentException($"Leases are for host '{leases.HostId}' but statuses for '{statuses.HostId}'; one host id serves both.", nameof(statuses));
        var list = timers.ToList();
        var twice = list.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"Timer {twice.Key} is listed twice.", nameof(timers));

        HostId = leases.HostId;
        _logger = logger;
        _loops = list.Select(t => new TimerLoop(t, leases, statuses, clock, logger, options ?? new TimerSchedulerOptions())).ToList();
    }

    /// <summary>
    /// The catalog's timers, with schedules from <paramref name="configuration"/> and the given jobs, keeping status
    /// under the host id of <paramref name="leases"/> in <paramref name="account"/>.
    /// </summary>
    /// <exception cref="PipelineConfigurationException">A schedule setting is invalid; the message names it.</exception>
    public static TimerScheduler Create(
        StorageAccount account, JobLeases leases, IConfiguration configuration,
        IReadOnlyDictionary<string, Func<TimerOccurrence, CancellationToken, Task>> jobs,
        TimeProvider clock, ILogger logger, TimerSchedulerOptions? options = null) =>
        new(TimerSchedules.Bind(configuration, jobs), leases, new TimerStatusStore(account, leases.HostId), clock, logger, options);

    public string HostId { get; }

    /// <summary>Each timer as this host sees it now (for health reports and tests).</summary>
    public IReadOnlyList<TimerView> Timers => _loops.Select(l => l.View()).ToList();

    /// <summary>Runs every timer until <paramref name="stoppingToken"/> is cancelled; returns once running jobs ended.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) throw new InvalidOperationException("The scheduler is already running.");
        _logger.LogInformation("Scheduler for host id '{HostId}' starting {Count} timer(s)", HostId, _loops.Count);
        await Task.WhenAll(_loops.Select(loop => Task.Run(() => loop.RunAsync(stoppingToken), CancellationToken.None)));
        _logger.LogInformation("Scheduler for host id '{HostId}' stopped", HostId);
    }
}
