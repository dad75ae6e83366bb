using Reassess.Core.Delivery;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// One message, rendered for whichever kind of channel asks: an Adaptive Card for Teams, Block Kit for Slack, the
/// documented JSON for a webhook, HTML and text for e-mail. Each rendering is made once, when first asked for.
/// </summary>
public sealed class DeliveryContent
{
    private readonly Lazy<string> _teams;
    private readonly Lazy<string> _slack;
    private readonly Lazy<string> _json;
    private readonly Lazy<EmailContent> _email;

    private DeliveryContent(string title, Func<string> teams, Func<string> slack, Func<string> json, Func<EmailContent> email) =>
        (Title, _teams, _slack, _json, _email) = (title, new(teams), new(slack), new(json), new(email));

    /// <summary>What the message is about, for logs and the dry run.</summary>
    public string Title { get; }

    public static DeliveryContent Of(TeamDigest digest) => new(
        $"weekly report {digest.Week} for {digest.Team}",
        () => TeamsCard.Render(digest), () => SlackMessage.Render(digest), () => JsonWebhookPayload.Render(digest), () => EmailContent.Render(digest));

    public static DeliveryContent Of(FinanceDigest digest) => new(
        $"finance summary {digest.Week}",
        () => TeamsCard.Render(digest), () => SlackMessage.Render(digest), () => JsonWebhookPayload.Render(digest), () => EmailContent.Render(digest));

    public static DeliveryContent Of(DeliveryAlert alert, Uri? link) => new(
        $"alert {alert.Id}",
        () => TeamsCard.Render(alert, link), () => SlackMessage.Render(alert, link), () => JsonWebhookPayload.Render(alert, link), () => EmailContent.Render(alert, link));

    /// <summary>The JSON body a webhook channel of <paramref name="kind"/> is sent.</summary>
    public string WebhookBody(ChannelKind kind) => kind switch
    {
        ChannelKind.Teams => _teams.Value,
        ChannelKind.Slack => _slack.Value,
        ChannelKind.Webhook => _json.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "e-mail is not a webhook."),
    };

    public EmailContent Email => _email.Value;

    /// <summary>The size of what a channel of <paramref name="kind"/> is sent, in bytes (UTF-8).</summary>
    public int SizeFor(ChannelKind kind) => System.Text.Encoding.UTF8.GetByteCount(
        kind.IsWebhook() ? WebhookBody(kind) : Email.Subject + Email.Html + Email.Text);
}
