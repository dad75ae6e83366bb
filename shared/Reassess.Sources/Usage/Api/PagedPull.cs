using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Http;

namespace Reassess.Sources.Usage.Api;

/// <summary>
/// Follows a cursor-paged usage API (<c>next_page</c>, sent back as <c>page=</c>): each page is fetched with retries
/// (<see cref="HttpPuller"/>: 429 with <c>Retry-After</c>, 5xx, cut-off bodies), read in full, and only then added.
/// A page that still fails is reported with its URL and ends the pull (the cursor to the next page is in it).
/// </summary>
public static class PagedPull
{
    public const int MaxPages = 1_000;

    public static async Task<UsagePull> RunAsync(
        HttpPuller puller, Func<string?, Uri> pageUrl, IUsagePageReader reader, string sourceName,
        TimeProvider clock, Action<ReadProgress>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var results = new ReadResultBuilder<MeteredUsage>(sourceName);
        var totals = new MeteredUsageTotals();
        string? cursor = null;
        long bytes = 0;
        long rows = 0;
        for (var page = 1; ; page++)
        {
            var url = pageUrl(cursor);
            UsagePage read;
            try
            {
                var pull = await puller.GetAsync(url, cancellationToken: cancellationToken).ConfigureAwait(false);
                bytes += pull.Body.Length;
                read = reader.ReadPage(pull.Body, sourceName);
            }
            catch (Exception e) when (e is HttpPullException or InputRejectedException)
            {
                results.Reject($"page {page}", $"{e.Message} — this page and any after it were not ingested; " +
                                               $"{page - 1} page(s) before it were; rows stored before for the days it holds stay");
                return Finish(results, totals, page - 1, bytes, complete: false);
            }

            foreach (var problem in read.Result.Skipped) results.Skip(OnPage(page, problem.Location), problem.Message);
            foreach (var problem in read.Result.Rejected) results.Reject(OnPage(page, problem.Location), problem.Message);
            foreach (var row in read.Result.Records) totals.Add(row);
            rows += read.Result.Records.Count;
            progress?.Invoke(new ReadProgress(rows, bytes, clock.GetElapsedTime(started)));

            cursor = read.NextPage;
            if (cursor is null) return Finish(results, totals, page, bytes, complete: true);
            if (page >= MaxPages)
            {
                results.Reject($"page {page}", $"the API links more than {MaxPages} pages; stopped, as it may be linking pages in a loop");
                return Finish(results, totals, page, bytes, complete: false);
            }
        }
    }

    private static string OnPage(int page, string location) => location.Length == 0 ? $"page {page}" : $"page {page}, {location}";

    private static UsagePull Finish(ReadResultBuilder<MeteredUsage> results, MeteredUsageTotals totals, int pages, long bytes, bool complete)
    {
        foreach (var row in totals.ToList()) results.Add(row);
        return new UsagePull(results.Build(), pages, bytes, complete);
    }
}
