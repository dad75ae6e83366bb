using System.Globalization;
using System.Text.Json;
using Reassess.Core.Json;
using Reassess.Core.Usage;

namespace Reassess.Pipeline.Usage;

/// <summary>
/// Daily usage rows written in the drop format (<c>csv</c>, DESIGN §6), so what <c>reassess usage import</c> prints can be
/// dropped into <c>usage-drops/</c> as it is. An unknown call count is written empty, never 0; cost and currency follow
/// as extra columns for finance.
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
            await output.WriteLineAsync(string.Join(',', Values(row).Select(v => Quote(Text(v))))).ConfigureAwait(false);
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

    private static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
