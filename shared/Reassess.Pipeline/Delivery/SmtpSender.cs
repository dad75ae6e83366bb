using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Reassess.Sources.Http;

namespace Reassess.Pipeline.Delivery;

/// <summary>
/// Sends a message by e-mail through the configured mail server with MailKit: one message per channel, addressed to
/// all its recipients, with the plain text and the HTML as alternatives (<c>multipart/alternative</c>), so any mail
/// client shows one of them. It connects with the configured security and signs in when a user name is set. A server
/// that is busy or unreachable (a 4xx answer, a dropped connection, a timeout) is tried again a few times; a refusal
/// (a 5xx answer, a wrong password, a TLS failure) is not. It never throws for the server's failures, and no result or
/// log holds the password.
/// </summary>
public sealed class SmtpSender(SmtpSettings settings, TimeProvider? clock = null, ILogger? logger = null, SmtpSendOptions? options = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public SmtpSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public SmtpSendOptions Options { get; } = options ?? new SmtpSendOptions();

    /// <summary>Sends one message to <paramref name="to"/>; only the caller's own cancellation throws.</summary>
    public async Task<DeliveryResult> SendAsync(
        IReadOnlyList<string> to, string subject, string html, string text, CancellationToken cancellationToken = default)
    {
        var message = Message(to, subject, html, text);
        var destination = $"{string.Join(", ", to)} via {Settings.Host}:{Settings.Port}";
        for (var attempt = 1; ; attempt++)
        {
            var (status, problem, retryable) = await AttemptAsync(message, cancellationToken).ConfigureAwait(false);
            if (problem is null) return DeliveryResult.Sent(attempt, status, destination);
            if (!retryable || attempt >= Options.MaxAttempts)
                return DeliveryResult.Failed(attempt, status, destination,
                    retryable ? $"{problem}; gave up after {attempt} attempt{(attempt == 1 ? "" : "s")}" : problem);

            var wait = RetryWait.Backoff(attempt, Options.FirstRetryDelay, Options.MaxRetryDelay, Random.Shared.NextDouble());
            _logger.LogInformation("E-mail via {Server} {Problem}; attempt {Next} of {MaxAttempts} in {Wait}",
                $"{Settings.Host}:{Settings.Port}", problem, attempt + 1, Options.MaxAttempts, RetryWait.Seconds(wait));
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The message as sent: from the configured sender, to every recipient, dated by the clock, text and HTML as alternatives.</summary>
    public MimeMessage Message(IReadOnlyList<string> to, string subject, string html, string text)
    {
        if (to.Count == 0) throw new ArgumentException("An e-mail needs at least one recipient.", nameof(to));
        var message = new MimeMessage { Subject = subject, Date = _clock.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(Settings.From));
        foreach (var address in to) message.To.Add(MailboxAddress.Parse(address));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private async Task<(int? Status, string? Problem, bool Retryable)> AttemptAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)Options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(Settings.Host, Settings.Port, SocketOptions, cancellationToken).ConfigureAwait(false);
            if (Settings.UserName is { } user)
                await client.AuthenticateAsync(user, Settings.Password ?? "", cancellationToken).ConfigureAwait(false);
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return (250, null, false);
        }
        catch (AuthenticationException)
        {
            return (535, $"refused the user name or password of {Settings.UserName}; check the user and the password setting", false);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var problem = $"answered {code} ({Scrub(e.Message)}){(e.Mailbox is { } mailbox ? $" for {mailbox.Address}" : "")}";
            return code is >= 400 and < 500 ? (code, problem, true) : (code, $"{problem}; not retried: check the addresses and the server's rules", false);
        }
        catch (SslHandshakeException e)
        {
            return (null, $"TLS failed ({Scrub(e.Message.Split('\n')[0])}); check smtp.security ({Settings.Security.ToString().ToLowerInvariant()}) and the port", false);
        }
        catch (NotSupportedException e)
        {
            return (null, $"cannot be used as configured ({Scrub(e.Message)}); check smtp.security", false);
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, $"could not be reached or dropped the connection ({Scrub(e.Message)})", true);
        }
    }

    private SecureSocketOptions SocketOptions => Settings.Security switch
    {
        SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>The server's words without the password, should a server ever echo it.</summary>
    private string Scrub(string text) =>
        Settings.Password is { Length: > 0 } password ? text.Replace(password, "…", StringComparison.Ordinal) : text;
}

/// <summary>How hard an e-mail delivery tries; like webhooks, a server still failing after these is retried by the next run.</summary>
public sealed record SmtpSendOptions
{
    /// <summary>For each network operation (connect, each command, the message's data).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);
}
