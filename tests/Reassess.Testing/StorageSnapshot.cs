using Azure.Data.Tables;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Testing;

/// <summary>Every row of every table and every blob of the account, as comparable text.</summary>
public static class StorageSnapshot
{
    private static readonly HashSet<string> ServiceColumns = ["Timestamp", "odata.etag"];

    public static async Task<SortedDictionary<string, string>> TakeAsync(StorageAccount account)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var monthTables = new List<string>();
        foreach (var kind in account.Settings.MonthTables)
            monthTables.AddRange((await new MonthTables(account, kind).ListAsync()).Select(t => t[account.Settings.NamePrefix.Length..]));
        foreach (var name in account.Settings.AllTables.Except(account.Settings.MonthTables).Concat(monthTables))
        {
            await foreach (var entity in account.Table(name).QueryAsync<TableEntity>())
            {
                // A run record logs what that run did (a rerun changes no price, so its counts differ): same row, by key.
                var columns = name == account.Settings.RunsTable
                    ? []
                    : entity.Keys.Where(k => !ServiceColumns.Contains(k)).Order(StringComparer.Ordinal)
                        .Select(k => $"{k}={Convert.ToString(entity[k], System.Globalization.CultureInfo.InvariantCulture)}");
                snapshot[$"table {name} {entity.PartitionKey} {entity.RowKey}"] = string.Join("; ", columns);
            }
        }

        foreach (var name in account.Settings.AllContainers)
        {
            var container = account.Container(name);
            await foreach (var blob in container.GetBlobsAsync())
            {
                var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
                snapshot[$"blob {name}/{blob.Name}"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content.Value.Content.ToArray()));
            }
        }

        return snapshot;
    }

    /// <summary>Keys whose content differs, or that only one snapshot has.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Where(e => after.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key)
            .Concat(after.Keys.Except(before.Keys))
            .ToList();
}
