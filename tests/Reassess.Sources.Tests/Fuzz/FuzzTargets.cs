using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Sources.Usage;

namespace Reassess.Sources.Tests.Fuzz;

/// <summary>What one read gave, whatever the record type: the problems to check, and the records as JSON to compare reads.</summary>
public sealed record ReadOutcome(int Records, IReadOnlyList<InputProblem> Skipped, IReadOnlyList<InputProblem> Rejected, Func<string> Fingerprint);

/// <summary>A reader as the fuzz sees it: where it is listed, its format, and a read that hides its record type.</summary>
public sealed record FuzzTarget(string Kind, string Format, Func<Stream, string, ReadContext, Task<ReadOutcome>> Read)
{
    public override string ToString() => $"{Kind} reader '{Format}'";
}

/// <summary>
/// Every reader Reassess has, taken from where they are listed (<see cref="ReaderCatalog.Default"/> and
/// <see cref="UsageReaders.Metered"/>), so a reader added there is fuzzed without touching these tests.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        .. From("prices", ReaderCatalog.Default.Prices),
        .. From("usage", ReaderCatalog.Default.Usage),
        .. From("evals", ReaderCatalog.Default.Evals),
        .. From("metered", UsageReaders.Metered),
    ];

    /// <summary>One case per reader and sample; a reader without a sample is one case with no sample name, which fails.</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var target in All)
        {
            var samples = FuzzSamples.For(target.Kind, target.Format);
            if (samples.Count == 0) cases.Add(target.Kind, target.Format, "");
            foreach (var sample in samples) cases.Add(target.Kind, target.Format, sample.Name);
        }

        return cases;
    }

    public static FuzzTarget Get(string kind, string format) => All.Single(t => t.Kind == kind && t.Format == format);

    private static IEnumerable<FuzzTarget> From<TRecord>(string kind, ReaderSet<TRecord> set) =>
        set.Formats.Select(format =>
        {
            var reader = set.Get(format);
            return new FuzzTarget(kind, format, async (content, sourceName, context) =>
            {
                var result = await reader.ReadAsync(content, sourceName, context);
                return new ReadOutcome(result.Records.Count, result.Skipped, result.Rejected,
                    () => JsonSerializer.Serialize(new { result.Records, result.Skipped, result.Rejected }));
            });
        });
}
