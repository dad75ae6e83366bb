using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reassess.Testing.Http;

/// <summary>A request as the server saw it: method, path with query (as sent), headers (any case), body and when it arrived.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    /// <summary>The body as sent (by its Content-Length); empty for a request without one.</summary>
    public byte[] Body { get; init; } = [];

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// What the server answers. <see cref="SendBytes"/> below the body length writes only that many bytes after announcing
/// the whole <c>Content-Length</c>, then closes: a body cut off in transit. <see cref="Chunked"/> sends the body without
/// a length, so a cut shows only in the content.
/// </summary>
public sealed record Reply(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public int? SendBytes { get; init; }
    public bool Chunked { get; init; }
    public TimeSpan Delay { get; init; }

    public static Reply Json(byte[] body, params (string Name, string Value)[] headers) =>
        new(200, body, headers.Prepend((Name: "Content-Type", Value: "application/json")).ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));

    public static Reply Json(string body, params (string Name, string Value)[] headers) => Json(Encoding.UTF8.GetBytes(body), headers);

    public static Reply WithStatus(int status, params (string Name, string Value)[] headers) =>
        new(status, [], headers.ToDictionary(h => h.Name, h => h.Value));

    /// <summary>A redirect (301, 302, 303, 307, 308) to <paramref name="location"/>, absolute or relative as a server may send it.</summary>
    public static Reply Redirect(int status, string location) => WithStatus(status, ("Location", location));
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 and a free port, written on a bare <see cref="TcpListener"/> so that a test can
/// misbehave the way real servers do (a wrong Content-Length, a dropped connection, a stall) — which HttpListener and
/// Kestrel refuse to do. One response per connection (<c>Connection: close</c>); every request is recorded.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<SeenRequest, Reply> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SeenRequest> _requests = new();
    private readonly Task _loop;

    public LocalHttpServer(Func<SeenRequest, Reply> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUri { get; }

    public IReadOnlyList<SeenRequest> Requests => _requests.ToArray();

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                if (await ReadRequestAsync(stream) is not { } request) return;
                _requests.Enqueue(request);
                var reply = _handler(request);
                if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, _stop.Token);
                await WriteReplyAsync(stream, reply);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a timeout under test) or the server is stopping.
            }
        }
    }

    private static async Task<SeenRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0) return null;
            head.Append((char)buffer[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, CultureInfo.InvariantCulture, out var count) ? count : 0];
        var read = 0;
        while (read < body.Length)
        {
            var got = await stream.ReadAsync(body.AsMemory(read));
            if (got == 0) return null;
            read += got;
        }

        return new SeenRequest(start[0], start[1], headers, DateTimeOffset.UtcNow) { Body = body };
    }

    private static async Task WriteReplyAsync(NetworkStream stream, Reply reply)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n")
            .Append("Connection: close\r\n");
        if (reply.Chunked) head.Append("Transfer-Encoding: chunked\r\n");
        else if (reply.Status != 304) head.Append(CultureInfo.InvariantCulture, $"Content-Length: {reply.Body.Length}\r\n");
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));

        var body = reply.SendBytes is { } cut ? reply.Body.AsMemory(0, Math.Min(cut, reply.Body.Length)) : reply.Body;
        if (reply.Chunked)
        {
            if (body.Length > 0)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{body.Length:X}\r\n"));
                await stream.WriteAsync(body);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        else
        {
            await stream.WriteAsync(body);
        }

        await stream.FlushAsync();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        304 => "Not Modified",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
