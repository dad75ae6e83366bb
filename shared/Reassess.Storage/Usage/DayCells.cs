using System.Globalization;
using Reassess.Core.Usage;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Usage;

/// <summary>
/// A day of usage as one table cell: its figures in a fixed order separated by <c>|</c>, invariant culture, empty
/// for a figure not reported. <c>calls|uncached|cached|cacheWrite|output|p95Ms|formatChecked|formatViolations|callsReported|cost|currency</c>,
/// e.g. <c>1200|480000|0|0|96000|840|1200|3|1|12.5|USD</c>. Decimals stay exact strings because the table service has no decimal type.
/// </summary>
internal static class DayCells
{
    private const char Separator = '|';
    private const int Fields = 11;

    public static string Write(DailyUsage u) => string.Join(Separator,
        Integer(u.Calls), Integer(u.UncachedInputTokens), Integer(u.CachedInputTokens), Integer(u.CacheWriteTokens), Integer(u.OutputTokens),
        Number(u.LatencyP95Ms), Integer(u.FormatChecked), Integer(u.FormatViolations), u.CallsReported ? "1" : "0",
        Number(u.Cost), u.Currency is null ? "" : StorageKeys.Encode(u.Currency));

    public static DailyUsage ReadUsage(string cell, string workloadId, DateOnly day, string source, string model, string where)
    {
        var f = cell.Split(Separator);
        if (f.Length != Fields)
            throw new InvalidDataException($"Usage cell {where} day {StorageKeys.Day(day)} has {f.Length} figures, not {Fields}: '{cell}'.");
        try
        {
            return new DailyUsage
            {
                WorkloadId = workloadId,
                Day = day,
                Source = source,
                Model = model,
                Calls = ReadInteger(f[0]) ?? 0,
                UncachedInputTokens = ReadInteger(f[1]) ?? 0,
                CachedInputTokens = ReadInteger(f[2]) ?? 0,
                CacheWriteTokens = ReadInteger(f[3]) ?? 0,
                OutputTokens = ReadInteger(f[4]) ?? 0,
                LatencyP95Ms = ReadNumber(f[5]),
                FormatChecked = ReadInteger(f[6]),
                FormatViolations = ReadInteger(f[7]),
                CallsReported = f[8] != "0",
                Cost = ReadNumber(f[9]),
                Currency = f[10].Length == 0 ? null : StorageKeys.Decode(f[10]),
            };
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"Usage cell {where} day {StorageKeys.Day(day)} is not readable ('{cell}'): {e.Message}", e);
        }
    }

    public static string Number(decimal? value) => TableColumns.FromDecimal(value) ?? "";

    public static decimal? ReadNumber(string text) =>
        text.Length == 0 ? null : decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static long? ReadInteger(string text) =>
        text.Length == 0 ? null : long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
