using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reassess.Host.Scheduling;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Leases;
using Reassess.Storage.Configuration;

namespace Reassess.Host.Serve;

/// <summary>
/// The self-host's timers: Azure Functions' timer semantics (NCRONTAB in UTC, one instance per timer through a blob
/// lease, schedule status, one past-due catch-up) over the same jobs the Functions app runs.
/// <c>Reassess__Scheduler=off</c> serves the API alone.
/// </summary>
public sealed class SchedulerService(TimerScheduler scheduler) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => scheduler.RunAsync(stoppingToken);
}

public static class SchedulerRegistration
{
    public static IServiceCollection AddTimerScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.Equals(configuration[$"{PipelineSettings.Section}:Scheduler"], "off", StringComparison.OrdinalIgnoreCase))
            return services;

        services.AddSingleton(provider =>
        {
            var jobs = provider.GetRequiredService<TimerJobs>();
            // The scheduler holds the job's lease while it runs, so the job runs as "held" rather than entering the gate again.
            var runs = JobTimers.All.ToDictionary(
                t => t.Name,
                t => (Func<TimerOccurrence, CancellationToken, Task>)((occurrence, ct) => jobs.RunHeldAsync(t.Job, occurrence.IsPastDue, occurrence.ScheduledFor, ct)));
            return TimerScheduler.Create(
                provider.GetRequiredService<StorageAccount>(),
                provider.GetRequiredService<JobLeases>(),
                configuration, runs,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Reassess.Scheduler"));
        });
        services.AddHostedService<SchedulerService>();
        return services;
    }
}
