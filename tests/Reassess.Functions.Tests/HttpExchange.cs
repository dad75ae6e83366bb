using System.Net.Http.Headers;
using System.Text;

namespace Reassess.Functions.Tests;

/// <summary>One request of the parity table: which function serves it, what a client sends, and the status it expects.</summary>
/// <param name="Function">The catalog's HTTP function name.</param>
/// <param name="Target">Path and query under <c>/api/</c>, e.g. <c>workloads/ticket-triage?x=1</c>.</param>
public sealed record HttpExchange(string Function, string Method, string Target, int Status, string? Body = null)
{
    public string Path => Target.Split('?')[0];

    public string Query => Target.Contains('?') ? Target[Target.IndexOf('?')..] : "";

    public override string ToString() => $"{Method} /api/{Target} ({Function})";
}

/// <summary>What came back, reduced to what a client depends on: status, the headers that carry meaning, and the body.</summary>
public sealed record HttpAnswer(int Status, string Headers, string Body)
{
    /// <summary>Headers a client reads; transport headers (Date, Server, Transfer-Encoding) belong to the server, not the API.</summary>
    public static readonly string[] Compared =
        ["Content-Type", "Location", "Retry-After", "ETag", "Content-Disposition", "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options"];

    public static HttpAnswer Of(int status, Func<string, string?> header, byte[] body) => new(
        status,
        string.Join("; ", Compared.Select(h => (h, Canonical(h, header(h)))).Where(p => p.Item2 is not null).Select(p => $"{p.h}: {p.Item2}")),
        Encoding.UTF8.GetString(body));

    /// <summary>
    /// A header as a client reads it: HttpClient parses Cache-Control and writes its directives back in its own order;
    /// an ETag is the storage row's version, which differs between the two hosts' own accounts, so only its presence counts.
    /// </summary>
    private static string? Canonical(string name, string? value) => value switch
    {
        null => null,
        _ when name == "Cache-Control" && CacheControlHeaderValue.TryParse(value, out var parsed) => parsed.ToString(),
        _ when name == "ETag" => value.Length > 0 ? "(a version)" : "(empty)",
        _ => value,
    };
}
