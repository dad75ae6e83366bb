using MimeKit;
using Reassess.Pipeline.Delivery;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>E-mail deliveries through a real SMTP server on 127.0.0.1: the MIME parts, the envelope, signing in, failures.</summary>
public sealed class SmtpSenderTests
{
    private const string Subject = "Reassess 2026-W10: support could save $1,234.56 a month";
    private const string Html = "<h1>support</h1><p>Switch <b>ticket-triage</b> to gpt-4o-mini: saves $1,234.56 a month.</p>";
    private const string Text = "support\n\nSwitch ticket-triage to gpt-4o-mini: saves $1,234.56 a month.\n";
    private const string Password = "smtp-pw-5d1e0c93b7";

    private static readonly SmtpSendOptions Quick = new()
    {
        Timeout = TimeSpan.FromSeconds(10), MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private static SmtpSettings Settings(SmtpSink sink, string? user = null, string? password = null) =>
        new("127.0.0.1", sink.Port, "Reassess <reassess@example.com>", SmtpSecurity.None, user, password);

    [Fact]
    public async Task A_message_arrives_with_text_and_html_as_alternatives()
    {
        await using var sink = new SmtpSink();
        await sink.ReadyAsync();
        var sender = new SmtpSender(Settings(sink), options: Quick);

        var result = await sender.SendAsync(["lead@example.com", "Support Team <support@example.com>"], Subject, Html, Text);

        Assert.True(result.Delivered, result.ToString());
        Assert.Equal(1, result.Attempts);
        var received = Assert.Single(sink.Messages);
        Assert.Equal("reassess@example.com", received.MailFrom);
        Assert.Equal(["lead@example.com", "support@example.com"], received.RcptTo);
        var message = received.Message;
        Assert.Equal(Subject, message.Subject);
        Assert.Equal("reassess@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(["lead@example.com", "support@example.com"], message.To.Mailboxes.Select(m => m.Address));
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal(Text.ReplaceLineEndings(), alternative.OfType<TextPart>().First(p => p.IsPlain).Text.ReplaceLineEndings());
        Assert.Equal(Html, alternative.OfType<TextPart>().First(p => p.IsHtml).Text.TrimEnd());
        Assert.Equal("utf-8", alternative.OfType<TextPart>().First().ContentType.Charset, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_a_user_the_sender_signs_in_and_the_password_shows_nowhere()
    {
        await using var sink = new SmtpSink("reassess", Password);
        await sink.ReadyAsync();

        var result = await new SmtpSender(Settings(sink, "reassess", Password), options: Quick).SendAsync(["lead@example.com"], Subject, Html, Text);

        Assert.True(result.Delivered, result.ToString());
        Assert.Equal("reassess", sink.SignedInAs);
        Assert.Single(sink.Messages);
        Assert.DoesNotContain(Password, result.ToString());
        Assert.DoesNotContain(Password, Settings(sink, "reassess", Password).ToString());
    }

    [Fact]
    public async Task A_wrong_password_fails_without_retrying_or_showing_it()
    {
        await using var sink = new SmtpSink("reassess", Password);
        await sink.ReadyAsync();

        var result = await new SmtpSender(Settings(sink, "reassess", "wrong-pw-77aa"), options: Quick).SendAsync(["lead@example.com"], Subject, Html, Text);

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("refused the user name or password of reassess", result.Problem);
        Assert.DoesNotContain("wrong-pw-77aa", result.ToString());
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_retried_then_reported()
    {
        int port;
        await using (var gone = new SmtpSink()) port = gone.Port;
        var settings = new SmtpSettings("127.0.0.1", port, "reassess@example.com", SmtpSecurity.None, null, null);

        var result = await new SmtpSender(settings, options: Quick).SendAsync(["lead@example.com"], Subject, Html, Text);

        Assert.False(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("could not be reached", result.Problem);
        Assert.Equal($"lead@example.com via 127.0.0.1:{port}", result.Destination);
    }
}
