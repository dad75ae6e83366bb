using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Api.Health;
using Reassess.Pipeline;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Testing.Faults;

namespace Reassess.Api.Tests;

public class HealthTests
{
    [Fact]
    public async Task Health_says_storage_is_unreachable_within_seconds_instead_of_waiting_out_the_retries()
    {
        var account = new StorageAccount(UnreachableStorage.Settings());
        var handler = new HealthHandler(TestPipeline.Context(account, new PipelineSettings()));

        var timer = Stopwatch.StartNew();
        var result = await handler.HandleAsync(CancellationToken.None);

        Assert.InRange(timer.Elapsed, TimeSpan.Zero, HealthHandler.StorageCheckTimeout + TimeSpan.FromSeconds(5));
        var answer = Assert.IsAssignableFrom<IValueHttpResult<HealthHandler.Report>>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Equal("unhealthy", answer.Value!.Status);
        Assert.False(answer.Value.StorageReachable);
        Assert.Contains("check AzureWebJobsStorage", answer.Value.StorageError);
    }
}
