using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Testing;

/// <summary>
/// Every row of every table and every blob of the account, as comparable text. With a name prefix (every test
/// account has one) the tables and containers are found by listing the prefix, so month tables and anything a store
/// creates on demand are included; keys drop the prefix, so snapshots of two accounts compare.
/// </summary>
public static class StorageSnapshot
{
    private static readonly HashSet<string> ServiceColumns = ["Timestamp", "odata.etag"];

    public static async Task<SortedDictionary<string, string>> TakeAsync(StorageAccount account)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in await TablesAsync(account))
        {
            await foreach (var entity in account.Table(name).QueryAsync<TableEntity>())
            {
                // A run record logs what that run did (a rerun changes no price, so its counts differ): same row, by key.
                var columns = name == account.Settings.RunsTable
                    ? []
                    : entity.Keys.Where(k => !ServiceColumns.Contains(k)).Order(StringComparer.Ordinal)
                        .Select(k => $"{k}={Convert.ToString(entity[k], CultureInfo.InvariantCulture)}");
                snapshot[$"table {name} {entity.PartitionKey} {entity.RowKey}"] = string.Join("; ", columns);
            }
        }

        foreach (var name in await ContainersAsync(account))
        {
            var container = account.Container(name);
            await foreach (var blob in container.GetBlobsAsync())
            {
                var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
                snapshot[$"blob {name}/{blob.Name}"] = Convert.ToHexString(SHA256.HashData(content.Value.Content.ToArray()));
            }
        }

        return snapshot;
    }

    /// <summary>Keys whose content differs, or that only one snapshot has.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Where(e => after.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key)
            .Concat(after.Keys.Except(before.Keys))
            .ToList();

    /// <summary>Rows and blobs only the second snapshot has (added), only the first has (missing), or both with other content.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var added = actual.Keys.Except(expected.Keys).ToList();
        var changed = expected.Keys.Intersect(actual.Keys).Where(k => expected[k] != actual[k]).ToList();
        if (missing.Count + added.Count + changed.Count == 0) return "no differences";
        return string.Join(Environment.NewLine,
            new[] { $"{missing.Count} missing, {added.Count} added, {changed.Count} changed:" }
                .Concat(missing.Take(10).Select(k => "  missing " + k))
                .Concat(added.Take(10).Select(k => "  added   " + k))
                .Concat(changed.Take(10).Select(k => $"  changed {k}{Environment.NewLine}    was {expected[k]}{Environment.NewLine}    now {actual[k]}")));
    }

    /// <summary>Table names without the prefix.</summary>
    private static async Task<IReadOnlyList<string>> TablesAsync(StorageAccount account)
    {
        var prefix = account.Settings.NamePrefix;
        var names = new List<string>();
        if (prefix.Length > 0)
        {
            await foreach (var table in account.Tables.QueryAsync())
                if (table.Name.StartsWith(prefix, StringComparison.Ordinal)) names.Add(table.Name[prefix.Length..]);
            return names;
        }

        foreach (var kind in account.Settings.MonthTables)
            names.AddRange(await new MonthTables(account, kind).ListAsync());
        return [.. account.Settings.AllTables.Except(account.Settings.MonthTables), .. names];
    }

    /// <summary>Container names without the prefix.</summary>
    private static async Task<IReadOnlyList<string>> ContainersAsync(StorageAccount account)
    {
        var prefix = account.Settings.NamePrefix.ToLowerInvariant();
        if (prefix.Length == 0) return [.. account.Settings.AllContainers];
        var names = new List<string>();
        await foreach (var item in account.Blobs.GetBlobContainersAsync(prefix: prefix))
            names.Add(item.Name[prefix.Length..]);
        return names;
    }
}
