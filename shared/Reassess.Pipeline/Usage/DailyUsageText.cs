using System.Globalization;
using System.Text.Json;
using Reassess.Core.Json;
using Reassess.Core.Reporting;
using Reassess.Core.Usage;

namespace Reassess.Pipeline.Usage;

/// <summary>
/// Daily usage rows written in the drop format (<c>csv</c>, the README's "Usage sources"), so what <c>reassess usage import</c> prints can be
/// dropped into <c>usage-drops/</c> as it is. An unknown call count is written empty, never 0; cost and currency follow
/// as extra columns for finance.
/// <para>The CSV is read by people in spreadsheets as well as by Reassess, so its text cells are written by
/// <see cref="CsvCell"/> (a workload id such as <c>-cmd</c> comes out <c>'-cmd</c>); the drop reader takes that
/// <c>'</c> off again (<see cref="Reassess.Sources.Usage.UsageDropReader"/>), so the rows read back as the ids they were.</para>
/// </summary>
public static class DailyUsageText
{
    public static readonly string[] Columns =
    [
        "workload", "date", "source", "model", "calls", "uncachedInputTokens", "cachedInputTokens", "cacheWriteTokens",
        "outputTokens", "latencyP95Ms", "formatChecked", "formatViolations", "cost", "currency",
    ];

    public static async Task WriteCsvAsync(TextWriter output, IEnumerable<DailyUsage> rows)
    {
        await output.WriteLineAsync(string.Join(',', Columns)).ConfigureAwait(false);
        foreach (var row in rows)
            await output.WriteLineAsync(string.Join(',', Values(row).Select(Cell))).ConfigureAwait(false);
    }

    /// <summary><c>{ "usage": [ { "workload": …, "date": … } ] }</c>, the drop format's JSON form.</summary>
    public static async Task WriteJsonAsync(Stream output, IEnumerable<DailyUsage> rows, CancellationToken cancellationToken)
    {
        var entries = rows.Select(row => Columns.Zip(Values(row)).ToDictionary(p => p.First, p => p.Second)).ToList();
        await JsonSerializer.SerializeAsync(output, new Dictionary<string, object> { ["usage"] = entries }, ReassessJson.Options, cancellationToken)
            .ConfigureAwait(false);
    }

    private static object?[] Values(DailyUsage row) =>
    [
        row.WorkloadId, row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Source, row.Model,
        row.HasCallCount ? row.Calls : null, row.UncachedInputTokens, row.CachedInputTokens, row.CacheWriteTokens, row.OutputTokens,
        row.LatencyP95Ms, row.FormatChecked, row.FormatViolations, row.Cost, row.Currency,
    ];

    /// <summary>Text through <see cref="CsvCell.Text"/>; numbers as they are, invariant (they never need quotes).</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => CsvCell.Text(text),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => CsvCell.Text(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
