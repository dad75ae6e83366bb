using Microsoft.Extensions.Logging;
using Reassess.Storage.Deliveries;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// Sends one message over one channel exactly once. The delivery record is claimed first (<see cref="DeliveryStore"/>:
/// one row per recipient, key and channel), so a rerun, a retry or a second host finds it claimed or sent and sends
/// nothing; the send's result is recorded, a failure with its redacted reason. A failure is returned, never thrown,
/// so one channel never stops the others.
/// </summary>
public sealed class Postbox(DeliveryStore store, WebhookSender webhooks, TimeProvider clock, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Reassess.Delivery");

    public async Task<DeliveryLine> SendAsync(
        DeliveryKey key, string recipient, DeliveryChannel channel, DeliveryContent content, SmtpSettings? smtp,
        DeliveryMode mode, CancellationToken cancellationToken)
    {
        var bytes = content.SizeFor(channel.Kind);
        DeliveryLine Line(DeliveryStatus status, int attempts = 0, string? problem = null) =>
            new(recipient, channel.Id, channel.Kind, channel.Destination, content.Title, bytes, status, attempts, problem);

        if (mode == DeliveryMode.DryRun) return Line(DeliveryStatus.WouldSend);
        if (!channel.Kind.IsWebhook() && smtp is null)
            return Line(DeliveryStatus.Failed, 0, "an e-mail channel needs the teams file's \"smtp\" section (host, port, from); nothing was sent.");

        var claim = mode == DeliveryMode.Resend
            ? await store.ResendAsync(key, recipient, channel.Id, channel.Destination, cancellationToken)
            : await store.TryClaimAsync(key, recipient, channel.Id, channel.Destination, cancellationToken);
        if (!claim.Won)
            return Line(claim.Outcome == ClaimOutcome.AlreadySent ? DeliveryStatus.AlreadySent : DeliveryStatus.InProgress);

        var result = channel.Kind.IsWebhook()
            ? await webhooks.SendAsync(channel.Address!, content.WebhookBody(channel.Kind), cancellationToken)
            : await new SmtpSender(smtp!, clock, _logger).SendAsync(channel.To, content.Email.Subject, content.Email.Html, content.Email.Text, cancellationToken);
        if (result.Delivered)
        {
            await store.MarkSentAsync(claim, result.Attempts, cancellationToken);
            _logger.LogInformation("Delivered {Title} to {Recipient} via {Channel} ({Destination})", content.Title, recipient, channel.Id, channel.Destination);
            return Line(DeliveryStatus.Sent, result.Attempts);
        }

        await store.MarkFailedAsync(claim, result.Attempts, result.Problem ?? "not delivered", cancellationToken);
        _logger.LogWarning("Could not deliver {Title} to {Recipient} via {Channel} ({Destination}): {Problem}",
            content.Title, recipient, channel.Id, channel.Destination, result.Problem);
        return Line(DeliveryStatus.Failed, result.Attempts, result.Problem);
    }
}
