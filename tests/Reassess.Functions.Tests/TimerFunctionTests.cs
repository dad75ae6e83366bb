extern alias worker;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using TimerFunctions = worker::Reassess.Functions.Timers.TimerFunctions;

namespace Reassess.Functions.Tests;

/// <summary>
/// Each timer function, invoked as the Functions host invokes it (a <see cref="TimerInfo"/>, a mocked
/// <see cref="FunctionContext"/>), runs its job against Azurite and leaves exactly the rows and blobs the self-host's
/// timer leaves for the same occurrence; a past-due invocation works on the occurrence it missed, as the self-host's
/// catch-up does.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class TimerFunctionTests(AzuriteFixture azurite)
{
    /// <summary>The default schedules' occurrences on Monday 23 November 2026 (ISO week 2026-W48), in the order they fire.</summary>
    private static readonly (JobName Job, DateTimeOffset At)[] Monday =
    [
        (JobName.RefreshPrices, new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero)),
        (JobName.IngestUsage, new(2026, 11, 23, 5, 30, 0, TimeSpan.Zero)),
        (JobName.ReassessWorkloads, new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)),
        (JobName.PublishWeeklyReport, new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero)),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_timer_function_leaves_the_rows_the_self_hosts_timer_leaves(bool pastDue)
    {
        using var workspace = new Workspace();
        var (functionsStorage, selfHostStorage) = ((await azurite.NewAccountAsync()).Settings, (await azurite.NewAccountAsync()).Settings);
        // A past-due run happens in the next week and still stands for the occurrence it missed.
        var clock = new FakeTimeProvider();
        using var services = WorkerServices.Build(workspace.Settings(functionsStorage), clock);
        using var selfHost = new SelfHost(workspace.Settings(selfHostStorage), clock, "self-host-key-0123456789abcdefghijklmnop");
        var functions = WorkerServices.Activate<TimerFunctions>(services);
        var selfHostJobs = selfHost.Services.GetRequiredService<TimerJobs>();

        foreach (var (job, at) in Monday)
        {
            clock.SetUtcNow(pastDue ? at.AddDays(8) : at);
            await InvokeAsync(functions, job, new TimerInfo
            {
                IsPastDue = pastDue,
                ScheduleStatus = new ScheduleStatus { Last = at.AddDays(-7).UtcDateTime, Next = at.UtcDateTime, LastUpdated = at.AddDays(-7).UtcDateTime },
            });
            await selfHostJobs.RunHeldAsync(job, pastDue, pastDue ? at : null, CancellationToken.None);

            var (fromFunctions, fromSelfHost) = (await StorageSnapshot.TakeAsync(new StorageAccount(functionsStorage)), await StorageSnapshot.TakeAsync(new StorageAccount(selfHostStorage)));
            Assert.True(fromFunctions.Count > 0, $"{job} wrote nothing");
            Assert.True(StorageSnapshot.Differences(fromSelfHost, fromFunctions).Count == 0,
                $"after {job}: {StorageSnapshot.Describe(fromSelfHost, fromFunctions)}");
        }

        var report = await new StorageAccount(functionsStorage).Container(functionsStorage.ReportsContainer).GetBlobClient("2026-W48/index.html").ExistsAsync();
        Assert.True(report.Value, "the timers' report for 2026-W48 was not published");
    }

    private static Task InvokeAsync(TimerFunctions functions, JobName job, TimerInfo timer)
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.CancellationToken).Returns(CancellationToken.None);
        return job switch
        {
            JobName.RefreshPrices => functions.RefreshPricesAsync(timer, context.Object),
            JobName.IngestUsage => functions.IngestUsageAsync(timer, context.Object),
            JobName.ReassessWorkloads => functions.ReassessWorkloadsAsync(timer, context.Object),
            JobName.PublishWeeklyReport => functions.PublishWeeklyReportAsync(timer, context.Object),
            _ => throw new ArgumentOutOfRangeException(nameof(job), job, "not a timer"),
        };
    }
}
