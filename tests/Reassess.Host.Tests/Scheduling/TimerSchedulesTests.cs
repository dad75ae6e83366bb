using Microsoft.Extensions.Configuration;
using Reassess.Host.Scheduling;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;

namespace Reassess.Host.Tests.Scheduling;

public class TimerSchedulesTests
{
    private static readonly IReadOnlyDictionary<string, Func<TimerOccurrence, CancellationToken, Task>> AllJobs =
        JobTimers.All.ToDictionary(t => t.Name, _ => (Func<TimerOccurrence, CancellationToken, Task>)((_, _) => Task.CompletedTask));

    [Fact]
    public void A_schedule_setting_overrides_the_catalog_default()
    {
        var schedule = TimerSchedules.Resolve(JobTimers.For(JobName.RefreshPrices), Settings(("PriceRefreshSchedule", "0 15 4 * * *")));

        Assert.Equal("0 15 4 * * *", schedule.Expression);
    }

    [Fact]
    public void An_absent_setting_falls_back_to_the_catalog_default()
    {
        var schedules = JobTimers.All.Select(t => TimerSchedules.Resolve(t, Settings()).Expression);

        Assert.Equal(["0 0 5 * * *", "0 30 * * * *", "0 0 6 * * 1", "0 0 7 * * 1", "0 30 7 * * 1"], schedules);
    }

    [Fact]
    public void An_invalid_schedule_stops_start_up_with_a_message_naming_the_setting()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() =>
            TimerSchedules.Bind(Settings(("ReassessSchedule", "0 0 25 * * 1")), AllJobs));

        Assert.Equal(
            "Setting ReassessSchedule is '0 0 25 * * 1': field 'hour' value '25' is outside 0–23 in '0 0 25 * * 1'. " +
            "Expected NCRONTAB 'second minute hour day month day-of-week' (UTC), e.g. the default '0 0 6 * * 1'.",
            error.Message);
    }

    [Fact]
    public void An_empty_schedule_setting_is_refused_rather_than_defaulted()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() =>
            TimerSchedules.Resolve(JobTimers.For(JobName.IngestUsage), Settings(("UsageIngestSchedule", " "))));

        Assert.StartsWith("Setting UsageIngestSchedule is empty", error.Message);
    }

    [Fact]
    public void A_function_disabled_as_in_Azure_is_left_out()
    {
        var bound = TimerSchedules.Bind(Settings(("AzureWebJobs.IngestUsage.Disabled", "true"), ("AzureWebJobs:PublishWeeklyReport:Disabled", "1")), AllJobs);

        Assert.Equal(["RefreshPrices", "ReassessWorkloads", "DeliverWeeklyReport"], bound.Select(t => t.Name));
    }

    [Fact]
    public void Every_enabled_timer_needs_a_job_and_every_job_a_timer()
    {
        var missing = AllJobs.Where(j => j.Key != "IngestUsage").ToDictionary();
        var extra = AllJobs.Append(new("Nightly", (_, _) => Task.CompletedTask)).ToDictionary();

        Assert.Contains("No job was given for timer IngestUsage", Assert.Throws<ArgumentException>(() => TimerSchedules.Bind(Settings(), missing)).Message);
        Assert.Contains("the catalog does not have: Nightly", Assert.Throws<ArgumentException>(() => TimerSchedules.Bind(Settings(), extra)).Message);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
