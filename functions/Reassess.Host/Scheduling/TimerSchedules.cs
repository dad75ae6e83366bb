using Microsoft.Extensions.Configuration;
using Reassess.Host.Scheduling.Schedules;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;

namespace Reassess.Host.Scheduling;

/// <summary>
/// Reads each catalog timer's schedule from its app setting (what <c>%Setting%</c> resolves to in Azure), falling back to
/// the catalog default when the setting is absent, and pairs it with its job. A bad schedule stops start-up with a
/// message naming the setting. A timer is left out when <c>AzureWebJobs.{Name}.Disabled</c> is true, as in Azure.
/// </summary>
public static class TimerSchedules
{
    public static TimerSchedule Resolve(TimerFunction function, IConfiguration configuration)
    {
        var value = configuration[function.ScheduleSetting];
        if (value is null) return TimerSchedule.Parse(function.DefaultSchedule);
        if (string.IsNullOrWhiteSpace(value))
            throw new PipelineConfigurationException(
                $"Setting {function.ScheduleSetting} is empty; give an NCRONTAB schedule (UTC) such as '{function.DefaultSchedule}', or remove it to use that default.");
        try
        {
            return TimerSchedule.Parse(value.Trim());
        }
        catch (ScheduleFormatException e)
        {
            throw new PipelineConfigurationException(
                $"Setting {function.ScheduleSetting} is '{value}': {e.Message} Expected NCRONTAB 'second minute hour day month day-of-week' (UTC), e.g. the default '{function.DefaultSchedule}'.");
        }
    }

    /// <summary>Azure's switch for one function, read under both spellings an app setting can take.</summary>
    public static bool IsDisabled(TimerFunction function, IConfiguration configuration)
    {
        var value = configuration[$"AzureWebJobs.{function.Name}.Disabled"] ?? configuration[$"AzureWebJobs:{function.Name}:Disabled"];
        return value is not null && (value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) || value.Trim() == "1");
    }

    /// <summary>Every enabled timer of <paramref name="timers"/> (default: the catalog's) with its schedule and job.</summary>
    public static IReadOnlyList<ScheduledTimer> Bind(
        IConfiguration configuration, IReadOnlyDictionary<string, Func<TimerOccurrence, CancellationToken, Task>> jobs, IEnumerable<TimerFunction>? timers = null)
    {
        var functions = (timers ?? JobTimers.All).ToList();
        var unknown = jobs.Keys.Where(name => functions.All(f => f.Name != name)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Jobs given for timers the catalog does not have: {string.Join(", ", unknown)}. Timers: {string.Join(", ", functions.Select(f => f.Name))}.", nameof(jobs));

        var bound = new List<ScheduledTimer>();
        foreach (var function in functions)
        {
            var schedule = Resolve(function, configuration); // checked even when disabled, so a bad setting is found early
            if (IsDisabled(function, configuration)) continue;
            if (!jobs.TryGetValue(function.Name, out var job))
                throw new ArgumentException($"No job was given for timer {function.Name}.", nameof(jobs));
            bound.Add(new ScheduledTimer(function, schedule, job));
        }

        return bound;
    }
}
