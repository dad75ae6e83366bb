using Reassess.Sources.Http;

namespace Reassess.Sources.Usage.Api;

/// <summary>
/// How both providers' admin usage APIs are pulled: JSON day buckets over a period, each page asked for with the
/// same query plus the previous page's <c>next_page</c> cursor as <c>page</c>. The providers differ only in their
/// headers and in how the query spells the period and the grouping.
/// </summary>
internal static class AdminUsagePull
{
    public static Task<UsagePull> RunAsync(
        IHttpClientFactory clients, TimeProvider clock, HttpPullOptions? options, IReadOnlyDictionary<string, string> headers,
        Uri endpoint, string path, IReadOnlyList<(string Name, string Value)> query, IUsagePageReader reader,
        Action<ReadProgress>? progress, CancellationToken cancellationToken)
    {
        var puller = new HttpPuller(clients, clock, (options ?? new HttpPullOptions()) with { Body = HttpBody.Json, Headers = headers });
        Uri PageUrl(string? cursor) => ApiUrl.Build(endpoint, path, cursor is null ? query : [.. query, ("page", cursor)]);
        return PagedPull.RunAsync(puller, PageUrl, reader, $"{reader.Format} {ApiUrl.Build(endpoint, path, [])}", clock, progress, cancellationToken);
    }
}
