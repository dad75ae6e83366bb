using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;

namespace Reassess.Testing.Faults;

/// <summary>
/// An HTTP/1.1 proxy on 127.0.0.1 in front of an Azurite's blob and table endpoints (one free port each), for fault
/// tests: it reads each request whole (a table <c>$batch</c> multipart body or a blob upload is forwarded byte for
/// byte, with its headers, so the SDK's shared-key signature still holds), then either forwards it to Azurite and
/// relays the answer, or injects a fault: an error answer (503 ServerBusy, 500 InternalError, throttling with
/// Retry-After), a dropped connection or a stall. <see cref="CutAfter"/> makes storage "stop" after the K-th request:
/// every connection is then reset until <see cref="Restore"/>. Counters and a log of every request let a test assert
/// what happened.
/// <para>
/// Written on a bare <see cref="TcpListener"/> because a fault is exactly what HttpListener and Kestrel refuse to
/// produce. Keep-alive connections are served one request at a time, as HTTP/1.1 requires.
/// </para>
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Expect", "Host", "Content-Length",
    };

    private readonly AzuriteInstance _azurite;
    private readonly HttpClient _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ProxyLogEntry> _log = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly List<FaultRule> _rules = [];
    private readonly TcpListener _blobListener = new(IPAddress.Loopback, 0);
    private readonly TcpListener _tableListener = new(IPAddress.Loopback, 0);
    private readonly Task[] _accepting;
    private int _received;
    private int _forwarded;
    private int _faults;
    private int _refused;
    private int _cutAfter = int.MaxValue;
    private volatile bool _down;

    public FaultProxy(AzuriteInstance azurite)
    {
        _azurite = azurite;
        _upstream = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _blobListener.Start();
        _tableListener.Start();
        BlobPort = ((IPEndPoint)_blobListener.LocalEndpoint).Port;
        TablePort = ((IPEndPoint)_tableListener.LocalEndpoint).Port;
        _accepting =
        [
            Task.Run(() => AcceptAsync(_blobListener, StorageService.Blob, azurite.BlobPort)),
            Task.Run(() => AcceptAsync(_tableListener, StorageService.Table, azurite.TablePort)),
        ];
    }

    public int BlobPort { get; }
    public int TablePort { get; }

    /// <summary>Azurite's connection string with the blob and table endpoints pointing at this proxy.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteInstance.DevelopmentAccountName};AccountKey={AzuriteInstance.DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AzuriteInstance.DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{_azurite.QueuePort}/{AzuriteInstance.DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AzuriteInstance.DevelopmentAccountName};";

    /// <summary><paramref name="basedOn"/> (same table and container names) reaching storage through this proxy.</summary>
    public StorageSettings Settings(StorageSettings basedOn) =>
        basedOn with { ConnectionString = ConnectionString, BlobServiceUri = null, TableServiceUri = null, Credential = null, ClientId = null };

    /// <summary>Requests read (forwarded, faulted or refused).</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Requests forwarded to Azurite and answered by it.</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Faults injected by rules.</summary>
    public int FaultsInjected => Volatile.Read(ref _faults);

    /// <summary>Connections reset while storage was cut off.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Every request, in the order they were answered.</summary>
    public IReadOnlyList<ProxyLogEntry> Log => _log.ToArray();

    /// <summary>The next <paramref name="times"/> requests matching <paramref name="when"/> get <paramref name="fault"/>.</summary>
    public FaultRule Inject(Fault fault, int times, Func<ProxiedRequest, bool> when) => Add(new FaultRule(fault, times, when, oneCall: false));

    /// <summary>
    /// The first call matching <paramref name="when"/> gets <paramref name="fault"/> on its next <paramref name="attempts"/>
    /// attempts (its retries carry the same client request id), so its backoff can be measured.
    /// </summary>
    public FaultRule InjectIntoOneCall(Fault fault, int attempts, Func<ProxiedRequest, bool> when) => Add(new FaultRule(fault, attempts, when, oneCall: true));

    /// <summary>Stops every rule; requests are forwarded again.</summary>
    public void ClearFaults()
    {
        lock (_rules)
        {
            foreach (var rule in _rules) rule.Stop();
            _rules.Clear();
        }
    }

    /// <summary>
    /// Storage "stops" once <paramref name="requests"/> more requests have been forwarded or faulted: from then on
    /// every request and every new connection is reset, as when the storage process dies, until <see cref="Restore"/>.
    /// </summary>
    public void CutAfter(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        Volatile.Write(ref _cutAfter, Received + requests);
        if (requests == 0) _down = true;
    }

    /// <summary>Storage is back: requests are served again.</summary>
    public void Restore()
    {
        Volatile.Write(ref _cutAfter, int.MaxValue);
        _down = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _blobListener.Stop();
        _tableListener.Stop();
        foreach (var connection in _connections.Keys) connection.Dispose();
        try
        {
            await Task.WhenAll(_accepting);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _upstream.Dispose();
        _stop.Dispose();
    }

    private FaultRule Add(FaultRule rule)
    {
        lock (_rules) _rules.Add(rule);
        return rule;
    }

    private FaultRule? Take(ProxiedRequest request)
    {
        lock (_rules) return _rules.FirstOrDefault(r => r.TryTake(request));
    }

    private async Task AcceptAsync(TcpListener listener, StorageService service, int upstreamPort)
    {
        var upstream = new Uri($"http://127.0.0.1:{upstreamPort}");
        while (!_stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(_stop.Token);
            if (_down)
            {
                Reset(client);
                continue;
            }

            _ = Task.Run(() => ServeAsync(client, service, upstream));
        }
    }

    private async Task ServeAsync(TcpClient client, StorageService service, Uri upstream)
    {
        _connections[client] = 0;
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new HttpReader(stream);
            while (!_stop.IsCancellationRequested)
            {
                if (await reader.ReadHeadAsync(_stop.Token) is not { } head) return;
                var receivedAt = DateTimeOffset.UtcNow;
                if (_down)
                {
                    Interlocked.Increment(ref _received);
                    Refuse(client, service, head, receivedAt);
                    return;
                }

                if (head.Headers.TryGetValue("Expect", out var expect) && expect.Contains("100-continue", StringComparison.OrdinalIgnoreCase))
                    await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), _stop.Token);
                var body = await reader.ReadBodyAsync(head.Headers, _stop.Token);
                var request = new ProxiedRequest(service, head.Method, head.Target, head.Headers, body);
                if (Interlocked.Increment(ref _received) > Volatile.Read(ref _cutAfter)) _down = true;
                if (_down)
                {
                    Refuse(client, service, head, receivedAt);
                    return;
                }

                if (Take(request) is { } rule)
                {
                    Interlocked.Increment(ref _faults);
                    switch (rule.Fault)
                    {
                        case Fault.Answer answer:
                            await WriteAsync(stream, answer.Status, ReasonOf(answer.Status), FaultHeaders(service, answer), FaultBody(service, answer), head.Method, _stop.Token);
                            Record(request, receivedAt, answer.Status, rule.Fault);
                            continue;
                        case Fault.Hang hang:
                            Record(request, receivedAt, null, rule.Fault); // logged now: the client gives up long before the stall ends
                            await Task.Delay(hang.Duration, _stop.Token);
                            return;
                        default:
                            Record(request, receivedAt, null, rule.Fault);
                            return; // dropped: the connection closes without an answer
                    }
                }

                var (status, reason, headers, content) = await ForwardAsync(upstream, request);
                await WriteAsync(stream, status, reason, headers, content, head.Method, _stop.Token);
                Interlocked.Increment(ref _forwarded);
                Record(request, receivedAt, status, null);
                if (head.Headers.TryGetValue("Connection", out var connection) && connection.Equals("close", StringComparison.OrdinalIgnoreCase)) return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
        {
            // The client gave up (a network timeout under test), Azurite went away, or the proxy is stopping.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private void Refuse(TcpClient client, StorageService service, RequestHead head, DateTimeOffset receivedAt)
    {
        _log.Enqueue(new ProxyLogEntry(receivedAt, DateTimeOffset.UtcNow, service, head.Method, head.Target,
            head.Headers.GetValueOrDefault("x-ms-client-request-id"), null, null, Refused: true));
        Reset(client);
    }

    /// <summary>Closes with a TCP reset, as a host whose storage process died answers.</summary>
    private void Reset(TcpClient client)
    {
        Interlocked.Increment(ref _refused);
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        client.Dispose();
    }

    private void Record(ProxiedRequest request, DateTimeOffset receivedAt, int? status, Fault? fault) =>
        _log.Enqueue(new ProxyLogEntry(receivedAt, DateTimeOffset.UtcNow, request.Service, request.Method, request.PathAndQuery, request.ClientRequestId,
            status, fault, Refused: false));

    private async Task<(int Status, string Reason, List<KeyValuePair<string, string>> Headers, byte[] Body)> ForwardAsync(Uri upstream, ProxiedRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(upstream, request.PathAndQuery))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var hasBody = request.Body.Length > 0 || request.Headers.ContainsKey("Content-Length") || request.Headers.ContainsKey("Transfer-Encoding");
        if (hasBody) message.Content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _upstream.SendAsync(message, HttpCompletionOption.ResponseContentRead, _stop.Token);
        var body = await response.Content.ReadAsByteArrayAsync(_stop.Token);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (HopByHop.Contains(name) && !(name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && request.Method == "HEAD")) continue;
            headers.Add(new(name, string.Join(", ", values)));
        }

        return ((int)response.StatusCode, response.ReasonPhrase ?? ReasonOf((int)response.StatusCode), headers, body);
    }

    private static List<KeyValuePair<string, string>> FaultHeaders(StorageService service, Fault.Answer answer)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("x-ms-error-code", answer.ErrorCode),
            new("x-ms-request-id", Guid.NewGuid().ToString()),
            new("Content-Type", service == StorageService.Table ? "application/json;odata=minimalmetadata;streaming=true;charset=utf-8" : "application/xml"),
        };
        if (answer.RetryAfter is { } after)
            headers.Add(new("Retry-After", ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        return headers;
    }

    private static byte[] FaultBody(StorageService service, Fault.Answer answer) => Encoding.UTF8.GetBytes(service == StorageService.Table
        ? "{\"odata.error\":{\"code\":\"" + answer.ErrorCode + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"" + answer.Message + "\"}}}"
        : $"""<?xml version="1.0" encoding="utf-8"?><Error><Code>{answer.ErrorCode}</Code><Message>{answer.Message}</Message></Error>""");

    private static async Task WriteAsync(
        NetworkStream stream, int status, string reason, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, string method, CancellationToken cancellationToken)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers) head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        var bodyless = method == "HEAD" || status is 204 or 304 or < 200;
        if (!bodyless) head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        head.Append("\r\n");
        var bytes = Encoding.Latin1.GetBytes(head.ToString());
        await stream.WriteAsync(bodyless ? bytes : [.. bytes, .. body], cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static string ReasonOf(int status) => status switch
    {
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };

    private sealed record RequestHead(string Method, string Target, IReadOnlyDictionary<string, string> Headers);

    /// <summary>Reads HTTP/1.1 requests off one connection: the head line by line, then the body by length or chunks.</summary>
    private sealed class HttpReader(Stream stream)
    {
        private const int MaxHead = 64 * 1024;
        private readonly byte[] _buffer = new byte[MaxHead];
        private int _start;
        private int _end;

        /// <summary>The next request's head, or null when the client closed the connection between requests.</summary>
        public async Task<RequestHead?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            string? line;
            do
            {
                line = await ReadLineAsync(cancellationToken);
                if (line is null) return null;
            }
            while (line.Length == 0);

            var start = line.Split(' ');
            if (start.Length != 3) throw new IOException($"Not an HTTP request line: '{line}'.");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while ((line = await ReadLineAsync(cancellationToken)) is { Length: > 0 })
            {
                var colon = line.IndexOf(':');
                if (colon <= 0) continue;
                var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }

            if (line is null) throw new IOException("The connection closed inside a request head.");
            return new RequestHead(start[0], start[1], headers);
        }

        public async Task<byte[]> ReadBodyAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
        {
            if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                using var body = new MemoryStream();
                while (true)
                {
                    var sizeLine = await ReadLineAsync(cancellationToken) ?? throw new IOException("The connection closed inside a chunked body.");
                    var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        while (await ReadLineAsync(cancellationToken) is { Length: > 0 })
                        {
                            // trailers: ignored
                        }

                        return body.ToArray();
                    }

                    body.Write(await ReadExactAsync(size, cancellationToken));
                    await ReadLineAsync(cancellationToken);
                }
            }

            return headers.TryGetValue("Content-Length", out var length)
                ? await ReadExactAsync(long.Parse(length, CultureInfo.InvariantCulture), cancellationToken)
                : [];
        }

        private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    var line = Encoding.Latin1.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                    _start = newline + 1;
                    return line;
                }

                if (_start == 0 && _end == _buffer.Length) throw new IOException("A request head line is longer than 64 KiB.");
                if (!await FillAsync(cancellationToken)) return null;
            }
        }

        private async Task<byte[]> ReadExactAsync(long count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var have = (int)Math.Min(count, _end - _start);
            Array.Copy(_buffer, _start, result, 0, have);
            _start += have;
            if (have < count) await stream.ReadExactlyAsync(result.AsMemory(have), cancellationToken);
            return result;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _end += read;
            return read > 0;
        }
    }
}
