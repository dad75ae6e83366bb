using System.Text;

namespace Reassess.Testing.Faults;

/// <summary>Which Azurite endpoint a request went to.</summary>
public enum StorageService
{
    Blob,
    Table,
}

/// <summary>A request as the proxy read it, whole (body included), before forwarding or faulting it.</summary>
public sealed record ProxiedRequest(
    StorageService Service, string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The SDK's <c>x-ms-client-request-id</c>: the same on every retry of one call, so it ties attempts together.</summary>
    public string? ClientRequestId => Headers.GetValueOrDefault("x-ms-client-request-id");

    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>A table transaction (every table write in Reassess goes through one).</summary>
    public bool IsTableBatch => Service == StorageService.Table && Method == "POST" && Path.EndsWith("/$batch", StringComparison.Ordinal);

    /// <summary>A table query or point read: <c>GET /account/Table()?$filter=…</c> or <c>GET /account/Table(PartitionKey=…,RowKey=…)</c>.</summary>
    public bool IsTableRead => Service == StorageService.Table && Method == "GET" && Path.EndsWith(')') && !Path.Contains("/Tables", StringComparison.Ordinal);

    /// <summary>A blob upload: <c>PUT</c> of a blob (not a container, lease or metadata call).</summary>
    public bool IsBlobUpload =>
        Service == StorageService.Blob && Method == "PUT"
        && !PathAndQuery.Contains("restype=container", StringComparison.Ordinal)
        && !PathAndQuery.Contains("comp=", StringComparison.Ordinal);

    /// <summary>Whether the path names this table or container, or a transaction's changeset writes to this table (prefixed name).</summary>
    public bool Touches(string tableOrContainer) =>
        Path.Contains("/" + tableOrContainer, StringComparison.OrdinalIgnoreCase)
        || (IsTableBatch && Encoding.UTF8.GetString(Body).Contains("/" + tableOrContainer + "(", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Service} {Method} {PathAndQuery}";
}

/// <summary>What the proxy does instead of forwarding a request.</summary>
public abstract record Fault
{
    /// <summary>503 with <c>x-ms-error-code: ServerBusy</c>, as storage throttles; with a Retry-After when given.</summary>
    public static Fault ServerBusy(TimeSpan? retryAfter = null) =>
        new Answer(503, "ServerBusy", "The server is currently unable to receive requests. Please retry your request.", retryAfter);

    /// <summary>Throttling answered with <paramref name="status"/> (429 or 503), <c>ServerBusy</c> and a Retry-After.</summary>
    public static Fault Throttled(int status, TimeSpan retryAfter) =>
        new Answer(status, "ServerBusy", "Ingress is over the account limit. Please retry your request.", retryAfter);

    /// <summary>500 with <c>x-ms-error-code: InternalError</c>.</summary>
    public static Fault InternalError() =>
        new Answer(500, "InternalError", "The server encountered an internal error. Please retry the request.", null);

    /// <summary>The request is read, then the connection is closed without an answer.</summary>
    public static Fault DropConnection() => new Drop();

    /// <summary>The request is read and never answered for <paramref name="duration"/> (then the connection is closed).</summary>
    public static Fault Stall(TimeSpan duration) => new Hang(duration);

    public sealed record Answer(int Status, string ErrorCode, string Message, TimeSpan? RetryAfter) : Fault
    {
        public override string ToString() => $"{Status} {ErrorCode}" + (RetryAfter is { } after ? $" (Retry-After {after.TotalSeconds:0})" : "");
    }

    public sealed record Drop : Fault
    {
        public override string ToString() => "dropped connection";
    }

    public sealed record Hang(TimeSpan Duration) : Fault
    {
        public override string ToString() => $"no answer for {Duration.TotalSeconds:0.#} s";
    }
}

/// <summary>
/// Fault the next <see cref="Times"/> requests that match; with <see cref="OneCall"/>, only attempts of the first
/// matching call (same client request id), so one call meets the fault on several retries in a row.
/// </summary>
public sealed class FaultRule
{
    private readonly Func<ProxiedRequest, bool> _match;
    private readonly object _gate = new();
    private string? _call;
    private int _injected;
    private bool _stopped;

    internal FaultRule(Fault fault, int times, Func<ProxiedRequest, bool> match, bool oneCall)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        Fault = fault;
        Times = times;
        _match = match;
        OneCall = oneCall;
    }

    public Fault Fault { get; }
    public int Times { get; }
    public bool OneCall { get; }

    /// <summary>Faults injected by this rule so far.</summary>
    public int Injected
    {
        get { lock (_gate) return _injected; }
    }

    /// <summary>The client request id of the call a <see cref="OneCall"/> rule latched on to.</summary>
    public string? Call
    {
        get { lock (_gate) return _call; }
    }

    internal bool TryTake(ProxiedRequest request)
    {
        lock (_gate)
        {
            if (_stopped || _injected >= Times || !_match(request)) return false;
            if (OneCall)
            {
                _call ??= request.ClientRequestId;
                if (_call is null || request.ClientRequestId != _call) return false;
            }

            _injected++;
            return true;
        }
    }

    /// <summary>No more faults from this rule.</summary>
    public void Stop()
    {
        lock (_gate) _stopped = true;
    }
}

/// <summary>One request the proxy saw: when it arrived and was answered, and whether it was forwarded, faulted or refused.</summary>
public sealed record ProxyLogEntry(
    DateTimeOffset ReceivedAt, DateTimeOffset AnsweredAt, StorageService Service, string Method, string PathAndQuery, string? ClientRequestId,
    int? Status, Fault? Fault, bool Refused)
{
    public bool Forwarded => Fault is null && !Refused;

    public override string ToString() =>
        $"{ReceivedAt:HH:mm:ss.fff} {Service} {Method} {PathAndQuery} → {(Refused ? "refused" : Fault?.ToString() ?? Status?.ToString())}";
}
