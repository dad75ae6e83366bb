using System.Diagnostics;
using System.Net;
using Reassess.Pipeline.Jobs;
using Reassess.Tools.Azurite;
using Reassess.Testing;

namespace Reassess.Api.Tests;

/// <summary>
/// <c>GET /api/trends</c> and <c>reassess trends</c> over the same storage answer the same query with the same bytes
/// (both go through CostTrendQuery), after the weekly run recorded three weeks of the samples.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TrendRouteTests(AzuriteFixture azurite)
{
    private static readonly (string By, string From, string To, string Format)[] Queries =
    [
        ("team", "2026-W46", "2026-W48", "json"),
        ("costCenter", "2026-W46", "2026-W48", "csv"),
        ("workload", "2026-W47", "2026-W48", "json"),
        ("", "", "", ""), // every default: by team, the last 12 weeks on record, JSON
    ];

    [Fact]
    public async Task The_api_and_the_cli_return_the_same_figures_for_the_same_query()
    {
        // One server and one weekly run for every query: each server start is a few seconds of the suite.
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        await new WeeklyRun(app.Context).RunAsync(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), weeks: 3);

        foreach (var (by, from, to, format) in Queries)
        {
            var query = string.Join("&", new[] { ("by", by), ("from", from), ("to", to), ("format", format) }
                .Where(p => p.Item2.Length > 0).Select(p => $"{p.Item1}={p.Item2}"));
            var response = await app.KeyedClient().GetAsync("/api/trends" + (query.Length > 0 ? "?" + query : ""));
            var args = new List<string> { "trends" };
            foreach (var (option, value) in new[] { ("--by", by), ("--from", from), ("--to", to), ("--format", format) })
                if (value.Length > 0) args.AddRange([option, value]);
            var cli = await RunCliAsync(app, [.. args]);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(cli.ExitCode == 0, cli.Error);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(body, cli.Output);
            Assert.Equal(format == "csv" ? "text/csv" : "application/json", response.MediaType()?.MediaType);
            Assert.True(body.Length > 200, $"{query}: {body.Length} bytes");
        }
    }

    [Fact]
    public async Task A_bad_option_is_a_400_naming_it_and_the_cli_says_the_same()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);

        var byDepartment = await app.KeyedClient().GetAsync("/api/trends?by=department");
        var badWeek = await app.KeyedClient().GetAsync("/api/trends?from=2026-48");
        var cli = await RunCliAsync(app, "trends", "--by", "department");

        Assert.Equal(HttpStatusCode.BadRequest, byDepartment.StatusCode);
        var (field, detail) = await byDepartment.ReadProblemAsync();
        Assert.Equal("by", field);
        Assert.Equal("from", (await badWeek.ReadProblemAsync()).Field);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains($"--by: {detail}", cli.Error);
    }

    private static async Task<(int ExitCode, byte[] Output, string Error)> RunCliAsync(ReassessApiFactory app, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reassess.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["AzureWebJobsStorage"] = app.Storage.ConnectionString;
        start.Environment["Storage__NamePrefix"] = app.Storage.NamePrefix;

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        return (process.ExitCode, output.ToArray(), await error);
    }
}
