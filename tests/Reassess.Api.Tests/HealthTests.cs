using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Reassess.Api.Health;
using Reassess.Pipeline;
using Reassess.Storage.Configuration;
using Reassess.Testing;

namespace Reassess.Api.Tests;

public class HealthTests
{
    /// <summary>A loopback port nothing listens on: bound once to find it, then closed.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Health_says_storage_is_unreachable_within_seconds_instead_of_waiting_out_the_retries()
    {
        var port = ClosedPort();
        var account = new StorageAccount(new StorageSettings
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                               $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        });
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
