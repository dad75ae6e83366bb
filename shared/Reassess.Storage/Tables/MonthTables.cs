using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Tables;

/// <summary>
/// A table kept as one table per calendar month (<c>UsageDaily202611</c>), each row holding a month of days in the
/// columns <c>D01</c>…<c>D31</c>. A year of daily usage for a large company is millions of days; a month per row and a
/// table per month keep what the weekly run reads to about one row per workload and month, in tables that never grow
/// past a month. Old months are dropped as whole tables.
/// </summary>
public sealed class MonthTables(StorageAccount account, string baseName)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    /// <summary>The configured name the month tables start with, e.g. <c>UsageDaily</c>.</summary>
    public string BaseName { get; } = baseName;

    public TableClient For(DateOnly day) => account.Table(BaseName + day.ToString("yyyyMM", CultureInfo.InvariantCulture));

    /// <summary>The month table for <paramref name="day"/>, created on first use in this process.</summary>
    public async Task<TableClient> ForWriteAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var table = For(day);
        try
        {
            await _created.GetOrAdd(table.Name, _ => new Lazy<Task>(() => table.CreateIfNotExistsAsync(CancellationToken.None))).Value
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _created.TryRemove(table.Name, out _); // a failed create is tried again by the next write, not remembered
            throw;
        }

        return table;
    }

    /// <summary>The first day of each month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            yield return month;
    }

    /// <summary>The day column of <paramref name="day"/>: <c>D01</c>…<c>D31</c>.</summary>
    public static string DayColumn(DateOnly day) => "D" + day.Day.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The day columns of <paramref name="month"/> that fall from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IEnumerable<DateOnly> DaysOf(DateOnly month, DateOnly from, DateOnly to)
    {
        for (var day = month; day.Month == month.Month; day = day.AddDays(1))
            if (day >= from && day <= to) yield return day;
    }

    /// <summary>
    /// Rows of one partition in each month table the days touch, projected to <paramref name="keyColumns"/> and the
    /// day columns in range. A month table that does not exist yet has no rows.
    /// </summary>
    public async IAsyncEnumerable<(DateOnly Month, TableEntity Row)> QueryAsync(
        string partition, string? rowKeyPrefix, DateOnly from, DateOnly to, IReadOnlyList<string> keyColumns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var month in Months(from, to))
        {
            var select = keyColumns.Concat(DaysOf(month, from, to).Select(DayColumn)).ToList();
            var filter = rowKeyPrefix is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
                // '}' sorts right after the '|' that ends the prefix.
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {rowKeyPrefix + "|"} and RowKey lt {rowKeyPrefix + "}"}");
            var rows = For(month).QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: cancellationToken);
            await using var pages = rows.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false)) break;
                }
                catch (Azure.RequestFailedException e) when (e.Status == 404)
                {
                    break; // no usage was ever written for that month
                }

                yield return (month, pages.Current);
            }
        }
    }

    /// <summary>Every month table of this kind in the account, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var prefix = account.Settings.TableName(BaseName);
        var names = new List<string>();
        var filter = TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "{"}");
        await foreach (var table in account.Tables.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            if (table.Name.Length == prefix.Length + 6 && table.Name[prefix.Length..].All(char.IsAsciiDigit))
                names.Add(table.Name);
        return names.Order(StringComparer.Ordinal).ToList();
    }
}
