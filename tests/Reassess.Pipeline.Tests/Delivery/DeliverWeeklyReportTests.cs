using System.Text.Json;
using Reassess.Core.Time;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Runs;
using Reassess.Testing;
using Reassess.Testing.Http;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>
/// The weekly delivery over the sample company: each team's message reaches each of its channels once, whatever
/// reruns and hosts do; a failing channel is recorded and leaves the others alone; no secret leaks.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class DeliverWeeklyReportTests(AzuriteFixture azurite)
{
    private static readonly IsoWeek Week = IsoWeek.Of(SampleWorkspace.AsOf);

    /// <summary>Webhook channels in the test teams file: support and finance-ops (Teams), devex (Slack), catalog and finance (JSON).</summary>
    private const int Webhooks = 5;

    [Fact]
    public async Task Running_the_weekly_delivery_twice_sends_each_message_once()
    {
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync());
        await workspace.Samples.RunAsync();
        var job = workspace.Job();

        var (first, lines) = await job.RunAsync(Week, new DeliveryRequest());
        var (second, again) = await job.RunAsync(Week, new DeliveryRequest());

        Assert.Equal(Webhooks, workspace.Sink.Requests.Count);
        Assert.Single(workspace.Mail.Messages);
        Assert.All(lines, l => Assert.Equal(DeliveryStatus.Sent, l.Status));
        Assert.Equal(Webhooks + 1, lines.Count);
        Assert.All(again, l => Assert.Equal(DeliveryStatus.AlreadySent, l.Status));
        Assert.Equal(Webhooks + 1, first.Counts["messages sent"]);
        Assert.Equal(Webhooks + 1, second.Counts["messages already sent"]);
    }

    [Fact]
    public async Task Each_channel_gets_its_own_format()
    {
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync());
        await workspace.Samples.RunAsync();

        await workspace.Job().RunAsync(Week, new DeliveryRequest());

        JsonElement Body(string path) => JsonDocument.Parse(workspace.Sink.Requests.Single(r => r.PathAndQuery == path).BodyText).RootElement;
        var card = Body("/teams/support").GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("1.5", card.GetProperty("content").GetProperty("version").GetString());
        Assert.Equal("header", Body("/slack/devex").GetProperty("blocks")[0].GetProperty("type").GetString());
        var json = Body("/webhook/catalog");
        Assert.Equal(("reassess.delivery/v1", "weekly", "catalog", "2026-W48"),
            (json.GetProperty("schema").GetString(), json.GetProperty("kind").GetString(), json.GetProperty("team").GetString(), json.GetProperty("week").GetString()));
        Assert.Equal("finance", Body("/webhook/finance").GetProperty("kind").GetString());
        var mail = Assert.Single(workspace.Mail.Messages);
        Assert.Equal(["support-leads@example.com"], mail.RcptTo);
        Assert.Contains("support", mail.Message.Subject);
        Assert.NotNull(mail.Message.TextBody);
        Assert.NotNull(mail.Message.HtmlBody);
    }

    [Fact]
    public async Task Two_hosts_delivering_at_once_send_each_message_once()
    {
        // A slow sink widens the window in which both hosts could claim the same message.
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync(), _ => Reply.WithStatus(200) with { Delay = TimeSpan.FromMilliseconds(300) });
        await workspace.Samples.RunAsync();

        var runs = await Task.WhenAll(workspace.Job().RunAsync(Week, new DeliveryRequest()), workspace.Job().RunAsync(Week, new DeliveryRequest()));

        Assert.Equal(Webhooks, workspace.Sink.Requests.Count);
        Assert.Single(workspace.Mail.Messages);
        Assert.Equal(Webhooks + 1, runs.SelectMany(r => r.Lines).Count(l => l.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task Resend_sends_every_message_again()
    {
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync());
        await workspace.Samples.RunAsync();
        var job = workspace.Job();
        await job.RunAsync(Week, new DeliveryRequest());

        var (_, lines) = await job.RunAsync(Week, new DeliveryRequest(Mode: DeliveryMode.Resend));

        Assert.Equal(2 * Webhooks, workspace.Sink.Requests.Count);
        Assert.Equal(2, workspace.Mail.Messages.Count);
        Assert.All(lines, l => Assert.Equal(DeliveryStatus.Sent, l.Status));
    }

    [Fact]
    public async Task One_team_only_sends_that_teams_messages()
    {
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync());
        await workspace.Samples.RunAsync();

        var (_, lines) = await workspace.Job().RunAsync(Week, new DeliveryRequest("devex"));

        Assert.Equal(["/slack/devex"], workspace.Sink.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(["devex"], lines.Select(l => l.Recipient));
    }

    [Fact]
    public async Task A_dry_run_sends_and_records_nothing()
    {
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync());
        await workspace.Samples.RunAsync();

        var (_, lines) = await workspace.Job().RunAsync(Week, new DeliveryRequest(Mode: DeliveryMode.DryRun));

        Assert.Empty(workspace.Sink.Requests);
        Assert.Empty(workspace.Mail.Messages);
        Assert.Equal(Webhooks + 1, lines.Count(l => l.Status == DeliveryStatus.WouldSend && l.Bytes > 0));
        Assert.Null(await workspace.Context.Runs.GetAsync(nameof(JobName.DeliverWeeklyReport), RunPeriod.Week(Week)));
    }

    [Fact]
    public async Task A_channel_that_fails_three_times_is_reported_while_the_other_teams_messages_go_out()
    {
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync(),
            request => Reply.WithStatus(request.PathAndQuery == "/slack/devex" ? 500 : 200));
        await workspace.Samples.RunAsync();

        var (outcome, lines) = await workspace.Job().RunAsync(Week, new DeliveryRequest());

        Assert.Equal(3, workspace.Sink.Requests.Count(r => r.PathAndQuery == "/slack/devex"));
        var failed = Assert.Single(lines, l => l.Status == DeliveryStatus.Failed);
        Assert.Equal(("devex", 3), (failed.Recipient, failed.Attempts));
        Assert.Equal(Webhooks, lines.Count(l => l.Status == DeliveryStatus.Sent));
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("delivery to devex", problem.Source);
        var record = await workspace.Context.Runs.GetAsync(nameof(JobName.DeliverWeeklyReport), RunPeriod.Week(Week));
        Assert.Contains(record!.Problems, p => p.Source == "delivery to devex");

        // The next run retries only what failed.
        var (_, retried) = await workspace.Job().RunAsync(Week, new DeliveryRequest());
        Assert.Equal(6, workspace.Sink.Requests.Count(r => r.PathAndQuery == "/slack/devex"));
        Assert.Equal(Webhooks - 1 + 1, retried.Count(l => l.Status == DeliveryStatus.AlreadySent));
    }

    [Fact]
    public async Task A_webhook_secret_never_shows_in_logs_run_records_lines_or_the_report()
    {
        const string Secret = "s3cr3t-T0KEN-9f8e7d6c5b4a";
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync(),
            request => Reply.WithStatus(request.PathAndQuery.Contains(Secret, StringComparison.Ordinal) ? 500 : 200),
            secretPath: $"/hooks/{Secret}/catalog?sig={Secret}");
        await workspace.Samples.RunAsync();

        var (outcome, lines) = await workspace.Job().RunAsync(Week, new DeliveryRequest());
        var (_, dry) = await workspace.Job().RunAsync(Week, new DeliveryRequest(Mode: DeliveryMode.DryRun));
        var published = await new PublishWeeklyReport(workspace.Context).RunAsync(Week.Next);

        Assert.Contains(workspace.Sink.Requests, r => r.PathAndQuery.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Status == DeliveryStatus.Failed);
        var record = await workspace.Context.Runs.GetAsync(nameof(JobName.DeliverWeeklyReport), RunPeriod.Week(Week));
        var everything = string.Join("\n",
        [
            workspace.Logs.All, .. lines.Select(l => l.ToString()), .. dry.Select(l => l.ToString()), .. outcome.Problems.Select(p => p.ToString()),
            .. record!.Problems.Select(p => p.ToString()), .. published.Files.Select(f => System.Text.Encoding.UTF8.GetString(f.Content)),
            .. (await workspace.Context.Deliveries.FailedAsync(Week)).Select(f => JsonSerializer.Serialize(f)),
        ]);
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.Contains("catalog", everything);
    }

    [Fact]
    public async Task A_suspicious_price_change_alerts_the_teams_whose_candidate_it_is_the_day_it_is_found_and_once()
    {
        await using var workspace = await DeliveryWorkspace.StartAsync(await azurite.NewAccountAsync());
        await workspace.Samples.RunAsync();
        var overrides = workspace.Samples.PathOf("samples/prices/overrides.csv");
        // The fine-tuned gpt-4.1-mini's input price from $0.40 to $1.40 per 1M: a 250% jump.
        File.WriteAllText(overrides, File.ReadAllText(overrides).Replace("azure/gpt-4.1-mini-ft,0.40,", "azure/gpt-4.1-mini-ft,1.40,"));
        var nextDay = SampleWorkspace.AsOf.AddDays(1);

        var outcome = await new RefreshPrices(workspace.Context, workspace.Deliveries()).RunAsync(nextDay);
        var sent = workspace.Sink.Requests.ToList();
        await new RefreshPrices(workspace.Context, workspace.Deliveries()).RunAsync(nextDay);

        Assert.Equal(1, outcome.Counts["price alerts"]);
        var alert = Assert.Single(sent, r => r.PathAndQuery == "/teams/finance-ops");
        Assert.Contains("azure/gpt-4.1-mini-ft", alert.BodyText);
        Assert.DoesNotContain(sent, r => r.PathAndQuery == "/webhook/catalog");
        Assert.Equal(sent.Count, workspace.Sink.Requests.Count);
    }
}
