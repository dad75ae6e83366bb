using System.Diagnostics;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources;
using Reassess.Sources.Prices;

namespace Reassess.Pipeline.Prices;

/// <summary>What <c>reassess prices import</c> read: the canonical records, what was skipped and rejected, and how long it took.</summary>
public sealed record PriceImportResult(string Format, string Source, int Bytes, ReadResult<PriceRecord> Result, TimeSpan Elapsed)
{
    /// <summary>The summary lines for stderr: counts first, then every skip and rejection with where and why.</summary>
    public IEnumerable<string> Summary(int maxListed = 20)
    {
        var r = Result;
        yield return $"{Format} {Source}: {r.Records.Count:N0} prices parsed, {r.Skipped.Count:N0} skipped on purpose, {r.Rejected.Count:N0} rejected " +
                     $"({Bytes:N0} bytes in {Elapsed.TotalMilliseconds:N0} ms)";
        foreach (var group in r.Skipped.GroupBy(Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(maxListed))
            yield return $"  skipped {group.Count():N0}× {group.Key} (e.g. {group.First().Location})";
        foreach (var problem in r.Rejected.Take(maxListed)) yield return $"  rejected {problem}";
        if (r.Rejected.Count > maxListed) yield return $"  … and {r.Rejected.Count - maxListed:N0} more rejected";
    }

    /// <summary>A skip's reason without the entry's own name, so that 150 "no per-token price" skips read as one line.</summary>
    private static string Reason(InputProblem problem)
    {
        var message = problem.Message;
        var quote = message.IndexOf("' ", StringComparison.Ordinal);
        if (message.StartsWith('\'') && quote > 0) message = message[(quote + 2)..];
        var paren = message.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? message[..paren] : message;
    }
}

/// <summary>
/// Reads one price sheet from a file or URL exactly as the refresh job does (pulled or read by the job's
/// <see cref="PriceSheetFetcher"/>, then reader, plausibility checks, sheet version, alias resolution) and stores
/// nothing: the engine of <c>reassess prices import</c> and of its benchmark.
/// </summary>
public sealed class PriceImport(TimeProvider clock, PriceRefreshOptions options)
{
    public static IReadOnlyList<string> Formats => ReaderCatalog.Default.Prices.Formats;

    /// <param name="aliases">Resolves keys; with a genai-prices sheet its own match rules are added.</param>
    public async Task<PriceImportResult> RunAsync(string format, string pathOrUrl, PriceAliases aliases, CancellationToken cancellationToken = default)
    {
        var reader = ReaderCatalog.Default.Prices.Get(format);
        var started = Stopwatch.GetTimestamp();
        var raw = (await new PriceSheetFetcher(options).FetchAsync(reader.Format, PriceSheetLocation.Of(pathOrUrl), null, cancellationToken)).Raw;

        var now = clock.GetUtcNow();
        var result = await PriceSheetReading.ReadAsync(reader, raw, pathOrUrl, new ReadContext(now, now), cancellationToken);
        if (reader.Format == GenAiPricesReader.FormatName) aliases = GenAiMatchRules.Read(raw, pathOrUrl).AddTo(aliases);
        result = PriceSheetReading.Canonicalised(result, aliases, pathOrUrl);
        return new PriceImportResult(reader.Format, pathOrUrl, raw.Length, result, Stopwatch.GetElapsedTime(started));
    }
}
