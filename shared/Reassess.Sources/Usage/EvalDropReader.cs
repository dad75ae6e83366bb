using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage;

/// <summary>
/// Evaluation results dropped by teams (format <c>evals</c>), CSV or JSON: one score per workload, day and suite.
/// <para>Columns (camelCase, any case), all required: <c>workload</c>, <c>date</c> (yyyy-MM-dd), <c>suite</c>,
/// <c>score</c> (decimal, 0 to 100). JSON: an array of such objects, or <c>{ "evals": [ ... ] }</c>.</para>
/// </summary>
public sealed class EvalDropReader : IRecordReader<EvalPoint>
{
    public const string FormatName = "evals";

    public static SheetShape Shape { get; } = new("evals", ["workload", "date", "suite", "score"]);

    public string Format => FormatName;

    public async Task<ReadResult<EvalPoint>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default) =>
        Read(await Sheet.ReadAsync(content, sourceName, Shape, cancellationToken).ConfigureAwait(false), sourceName, context);

    /// <summary>
    /// Reads entries already taken apart (an HTTP body's points). With <paramref name="workloadId"/>, the points belong to
    /// that workload: one may leave <c>workload</c> out, and one that names another is refused.
    /// </summary>
    public static ReadResult<EvalPoint> Read(IEnumerable<Entry> entries, string sourceName, ReadContext context, string? workloadId = null)
    {
        var results = new ReadResultBuilder<EvalPoint>(sourceName);
        // A damaged file of a million bad rows lists the first ones and counts the rest, rather than hold a problem per row.
        var rejected = new RejectionBudget<EvalPoint>(results);
        var firstSeen = new Dictionary<(string, DateOnly, string), string>();

        foreach (var entry in entries)
        {
            var fields = new FieldReader(entry);
            var workload = fields.Text("workload", required: workloadId is null) ?? workloadId;
            var day = fields.RecentDay("date", context.AsOf, required: true);
            var suite = fields.Text("suite", required: true);
            var score = fields.Decimal("score", 0m, 100m, "a score must be between 0 and 100", required: true);

            if (!fields.IsValid || workload is null || day is not { } d || suite is null || score is not { } s)
            {
                rejected.Reject(fields);
                continue;
            }

            if (workloadId is not null && workload != workloadId)
            {
                rejected.Reject(entry.Location, $"workload '{workload}' differs from '{workloadId}' in the URL; leave it out or give the same");
                continue;
            }

            if (!firstSeen.TryAdd((workload, d, suite), entry.Location))
            {
                rejected.Reject(entry.Location,
                    $"repeats suite {suite} of workload {workload} on {d:yyyy-MM-dd}, already given at {firstSeen[(workload, d, suite)]}; " +
                    "keep one score per suite and day");
                continue;
            }

            results.Add(new EvalPoint { WorkloadId = workload, Day = d, Suite = suite, Score = s });
        }

        rejected.Close();
        return results.Build();
    }
}
