using System.Net;
using System.Text.Json;
using Reassess.Core.Decisions;
using Reassess.Testing;
using Reassess.Testing.Http;

namespace Reassess.Api.Tests;

/// <summary>
/// A verdict flip found by <c>POST /api/reassess</c> is news the day it happens: the owning team's channel hears of it
/// within the request's run, once per flip and day, and a failing channel's secret URL never reaches the answer.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class FlipAlertTests(AzuriteFixture azurite)
{
    private const string Secret = "hook-s3cr3t-5e6f7a8b";

    [Fact]
    public async Task A_flip_from_an_on_demand_reassessment_reaches_the_owning_teams_channel_once()
    {
        await using var sink = new LocalHttpServer(_ => Reply.WithStatus(200));
        using var teams = TeamsFile(sink.Url("/alerts/support"));
        using var app = ReassessApiFactory.StartOnKestrel(azurite, settings: new Dictionary<string, string> { ["Reassess:TeamsPath"] = teams.Path });
        var client = app.KeyedClient();
        await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Http.Json(Seed.WorkloadJson().ToJsonString()));
        await Seed.PricesAndUsageAsync(app.Context);
        await client.PostAsync("/api/reassess", Http.Json($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""));
        Assert.Empty(sink.Requests);

        await PlantPreviousVerdictAsync(app, Verdict.StayOnFrontier);
        var flipped = await client.PostAsync("/api/reassess", Http.Json($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""));
        var alert = Assert.Single(sink.Requests);
        // The same flip found again the same day is the same alert: it is not sent twice.
        await PlantPreviousVerdictAsync(app, Verdict.StayOnFrontier);
        await client.PostAsync("/api/reassess", Http.Json($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""));

        Assert.Equal(HttpStatusCode.OK, flipped.StatusCode);
        Assert.Single(sink.Requests);
        var body = JsonDocument.Parse(alert.BodyText).RootElement;
        var flip = body.GetProperty("alert");
        Assert.Equal(("alert", "verdictFlip", "support"),
            (body.GetProperty("kind").GetString(), flip.GetProperty("type").GetString(), flip.GetProperty("teams")[0].GetString()));
        Assert.Contains("FineTune", alert.BodyText);
        Assert.Contains("StayOnFrontier", alert.BodyText);
    }

    [Fact]
    public async Task A_flip_alert_that_cannot_be_delivered_is_a_problem_in_the_answer_without_the_webhook_secret()
    {
        await using var sink = new LocalHttpServer(_ => Reply.WithStatus(500));
        using var teams = TeamsFile(sink.Url($"/hooks/{Secret}/support?sig={Secret}"));
        using var app = ReassessApiFactory.StartOnKestrel(azurite, settings: new Dictionary<string, string> { ["Reassess:TeamsPath"] = teams.Path });
        var client = app.KeyedClient();
        await client.PutAsync($"/api/workloads/{Seed.WorkloadId}", Http.Json(Seed.WorkloadJson().ToJsonString()));
        await Seed.PricesAndUsageAsync(app.Context);
        await client.PostAsync("/api/reassess", Http.Json($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""));
        await PlantPreviousVerdictAsync(app, Verdict.StayOnFrontier);

        var response = await client.PostAsync("/api/reassess", Http.Json($$"""{"workloads": ["{{Seed.WorkloadId}}"]}"""));
        var health = await client.GetAsync("/api/health");

        var answer = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(sink.Requests);
        Assert.Contains("delivery to support", answer);
        Assert.DoesNotContain(Secret, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Stores an assessment just after the latest one, saying <paramref name="verdict"/>, so the next reassessment finds a flip.</summary>
    private static async Task PlantPreviousVerdictAsync(ReassessApiFactory app, Verdict verdict)
    {
        var latest = (await app.Context.Assessments.GetLatestAsync(Seed.WorkloadId))!;
        await app.Context.Assessments.SaveAsync(latest with { Verdict = verdict, AssessedAt = latest.AssessedAt.AddMilliseconds(10), Flip = null });
    }

    private static TempFile TeamsFile(Uri support) => new($$"""
        { "teams": [ { "team": "support", "channels": [ { "kind": "webhook", "url": "{{support}}" } ] } ] }
        """);

    private sealed class TempFile : IDisposable
    {
        public TempFile(string content) => File.WriteAllText(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"reassess-teams-{Guid.NewGuid():N}.json"), content);

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
