using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Reassess.Testing.Http;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, keeping every message it accepts as
/// MimeKit reads it, with the envelope and the user who signed in. With a user and password set, it requires them.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SmtpSink(string? user = null, string? password = null)
    {
        Port = LoopbackPort.Unused();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AllowUnsecureAuthentication(user is not null)
                .AuthenticationRequired(user is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingUserAuthenticator((name, secret) =>
        {
            var ok = name == user && secret == password;
            if (ok) SignedInAs = name;
            return ok;
        }));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<Received> Messages { get; } = new();

    public string? SignedInAs { get; private set; }

    /// <summary>Waits until the server accepts connections, so a test does not race its start.</summary>
    public async Task ReadyAsync()
    {
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (tries < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    /// <summary>One accepted message: the envelope's sender and recipients, and the message.</summary>
    public sealed record Received(string MailFrom, IReadOnlyList<string> RcptTo, MimeMessage Message);

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            sink.Messages.Enqueue(new Received(
                $"{transaction.From.User}@{transaction.From.Host}",
                transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(),
                message));
            return SmtpResponse.Ok;
        }
    }
}
