using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reassess.Core.Time;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Testing;

namespace Reassess.Api.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class ReassessAndReportRouteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Reassess_assesses_now_and_the_assessment_shows_in_the_history()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        var client = app.KeyedClient();
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));
        await Seed.PricesAndUsageAsync(app.Context);

        var unknown = await client.PostAsync("/api/reassess", Http.Json("""{"workloads": ["ticket-triage", "unknown-one"]}"""));
        var response = await client.PostAsync("/api/reassess", Http.Json("""{"workloads": ["ticket-triage"]}"""));
        var history = await (await client.GetAsync("/api/workloads/ticket-triage/assessments")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'unknown-one'", (await unknown.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        var assessment = Assert.Single(answer.GetProperty("assessments").EnumerateArray());
        Assert.Equal("FineTune", assessment.GetProperty("verdict").GetString());
        Assert.Empty(answer.GetProperty("problems").EnumerateArray());
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task Reassess_with_a_malformed_selection_is_a_400_naming_the_item()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);

        var response = await app.KeyedClient().PostAsync("/api/reassess", Http.Json("""{"workloads": ["ok", 42]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("workloads[1]", (await response.ReadProblemAsync()).Field);
    }

    [Fact]
    public async Task Reassess_while_a_run_holds_the_job_waits_then_answers_409_with_retry_after()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite, reassessWaitSeconds: 1);
        var gate = app.Services.GetRequiredService<IJobGate>();
        await using var timerRun = await gate.TryEnterAsync(JobName.ReassessWorkloads, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(timerRun);

        var response = await app.KeyedClient().PostAsync("/api/reassess", Http.Json("{}"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Reassess_during_a_timer_run_is_serialised_and_nothing_is_lost_or_doubled()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite, reassessWaitSeconds: 60);
        var client = app.KeyedClient();
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));
        await Seed.PricesAndUsageAsync(app.Context);
        var jobs = app.Services.GetRequiredService<TimerJobs>();

        var timer = jobs.RunAsync(JobName.ReassessWorkloads, isPastDue: false, scheduledFor: null, CancellationToken.None);
        var http = client.PostAsync("/api/reassess", Http.Json("{}"));
        await Task.WhenAll(timer, http);

        Assert.Equal(HttpStatusCode.OK, (await http).StatusCode);
        var week = IsoWeek.Of(DateTimeOffset.UtcNow);
        Assert.NotNull(await app.Context.Assessments.GetWeekAsync("ticket-triage", week));
        var history = await app.Context.Assessments.ListAsync("ticket-triage", week.Start.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(2, history.Count); // one weekly, one on demand
    }

    [Fact]
    public async Task Reports_are_served_as_published_and_missing_ones_are_404()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        var client = app.KeyedClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reports/latest")).StatusCode);
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));
        await Seed.PricesAndUsageAsync(app.Context);
        var week = IsoWeek.Of(DateTimeOffset.UtcNow);
        await new ReassessWorkloads(app.Context).RunAsync(week);
        var (_, files) = await new PublishWeeklyReport(app.Context).RunAsync(week);

        var latest = await client.GetAsync("/api/reports/latest");
        var html = await client.GetAsync($"/api/reports/{week}?format=html");

        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal(week.ToString(), (await latest.ReadJsonAsync()).GetProperty("week").GetString());
        Assert.Equal("text/html", html.MediaType()?.MediaType);
        Assert.Equal(files.Single(f => f.Name == "index.html").Content, await html.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reports/2020-W01")).StatusCode);
        Assert.Equal("week", (await (await client.GetAsync("/api/reports/last-week")).ReadProblemAsync()).Field);
        Assert.Equal("format", (await (await client.GetAsync("/api/reports/latest?format=pdf")).ReadProblemAsync()).Field);
    }

    [Fact]
    public async Task Reports_are_sent_with_a_policy_that_lets_the_page_load_and_run_nothing_and_nosniff()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite);
        var client = app.KeyedClient();
        await client.PutAsync("/api/workloads/ticket-triage", Http.Json(Seed.WorkloadJson().ToJsonString()));
        await Seed.PricesAndUsageAsync(app.Context);
        var week = IsoWeek.Of(DateTimeOffset.UtcNow);
        await new ReassessWorkloads(app.Context).RunAsync(week);
        await new PublishWeeklyReport(app.Context).RunAsync(week);

        foreach (var path in new[] { "/api/reports/latest?format=html", $"/api/reports/{week}?format=html", "/api/reports/latest", "/api/reports/latest?format=md", "/api/reports/latest?format=csv" })
        {
            using var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }

        // The policy lets the page have its inline style and SVG and nothing else, which is all it has.
        var html = await client.GetStringAsync("/api/reports/latest?format=html");
        Assert.Contains("<style>", html);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
    }
}
