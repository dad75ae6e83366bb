using System.Text.Json;
using Azure.Data.Tables;
using Reassess.Core.Json;
using Reassess.Core.Prices;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Prices;

/// <summary>
/// Price history: table <c>Prices</c>, PK provider, RK <c>{model}|{inverted EffectiveFrom ticks}</c> so a model's
/// rows come back latest first. Only changes are stored: a daily refresh that finds the same prices writes
/// nothing, which keeps the history a list of real price moves with their dates.
/// </summary>
public sealed class PriceStore(StorageAccount account, TableBatchWriter? writer = null)
{
    private readonly TableClient _table = account.Table(account.Settings.PricesTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    /// <summary>
    /// Writes each record whose prices differ from the record in force at its <see cref="PriceRecord.EffectiveFrom"/>
    /// (stored history and earlier records of the same call both count). A record for an instant that already has a
    /// row with other prices replaces it: the newer sheet corrects the older.
    /// </summary>
    public async Task<PriceChangeSummary> StoreChangesAsync(IEnumerable<PriceRecord> records, CancellationToken cancellationToken = default)
    {
        var incoming = records.Select(r => (Record: r, Row: Locate(r.Key))).ToList();
        var changes = new List<PriceRecord>();
        var unchanged = 0;
        foreach (var provider in incoming.GroupBy(x => x.Row.Provider, StringComparer.Ordinal))
        {
            var history = await LoadPartitionAsync(provider.Key, cancellationToken).ConfigureAwait(false);
            foreach (var model in provider.GroupBy(x => x.Row.Model, StringComparer.Ordinal))
            {
                var known = history.TryGetValue(model.Key, out var rows) ? rows : [];
                foreach (var (record, _) in model.OrderBy(x => x.Record.EffectiveFrom))
                {
                    var inForce = known.Where(k => k.EffectiveFrom <= record.EffectiveFrom).MaxBy(k => k.EffectiveFrom);
                    if (inForce is not null && inForce.SamePricesAs(record))
                    {
                        unchanged++;
                        continue;
                    }

                    changes.Add(record);
                    known = [.. known.Where(k => k.EffectiveFrom != record.EffectiveFrom), record];
                }
            }
        }

        await _writer.UpsertAsync(_table, changes.Select(ToEntity), cancellationToken).ConfigureAwait(false);
        return new PriceChangeSummary(changes, unchanged);
    }

    /// <summary>The record for <paramref name="key"/> in force at <paramref name="asOf"/>: the latest with EffectiveFrom ≤ asOf.</summary>
    public async Task<PriceRecord?> GetInForceAsync(string key, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var (provider, model) = Locate(key);
        var from = $"{model}|{StorageKeys.InvertedTicks(asOf)}";
        var to = $"{model}|:"; // ':' follows the digits, so this ends the model's rows
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {provider} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
            return FromEntity(row);
        return null;
    }

    /// <summary>One record per key: the one in force at <paramref name="asOf"/>. Keys with nothing in force yet are left out.</summary>
    public async Task<IReadOnlyList<PriceRecord>> GetAllInForceAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var inForce = new Dictionary<string, PriceRecord>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var record = FromEntity(row);
            // Rows of one key arrive latest first, so the first one not after asOf is the one in force.
            if (record.EffectiveFrom <= asOf) inForce.TryAdd(record.Key, record);
        }

        return [.. inForce.Values];
    }

    /// <summary>Every stored price of every key, each key's latest first: one scan, for pricing many days at once.</summary>
    public async Task<IReadOnlyList<PriceRecord>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<PriceRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            records.Add(FromEntity(row));
        return records;
    }

    /// <summary>Every stored price of <paramref name="key"/>, latest first.</summary>
    public async Task<IReadOnlyList<PriceRecord>> GetHistoryAsync(string key, CancellationToken cancellationToken = default)
    {
        var (provider, model) = Locate(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {provider} and RowKey ge {model + "|"} and RowKey lt {model + "|:"}");
        var history = new List<PriceRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            history.Add(FromEntity(row));
        return history;
    }

    /// <summary>A provider's stored prices grouped by encoded model.</summary>
    private async Task<Dictionary<string, List<PriceRecord>>> LoadPartitionAsync(string provider, CancellationToken cancellationToken)
    {
        var byModel = new Dictionary<string, List<PriceRecord>>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == provider, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var model = row.RowKey[..row.RowKey.LastIndexOf('|')];
            if (!byModel.TryGetValue(model, out var list)) byModel[model] = list = [];
            list.Add(FromEntity(row));
        }

        return byModel;
    }

    /// <summary>Partition and row-key prefix of a canonical price key <c>provider/model</c>.</summary>
    private static (string Provider, string Model) Locate(string key)
    {
        if (!PriceKey.TryParse(key, out var provider, out var model))
            throw new ArgumentException($"Price key '{key}' is not of the form provider/model.", nameof(key));
        return (StorageKeys.Validate(StorageKeys.Encode(provider), $"Provider of price key '{key}'"),
            StorageKeys.Encode(model));
    }

    private static TableEntity ToEntity(PriceRecord record)
    {
        var (provider, model) = Locate(record.Key);
        return new TableEntity(provider, $"{model}|{StorageKeys.InvertedTicks(record.EffectiveFrom)}")
        {
            ["Key"] = record.Key,
            ["Provider"] = record.Provider,
            ["Model"] = record.Model,
            ["InputPerMTok"] = TableColumns.FromDecimal(record.InputPerMTok),
            ["CachedInputPerMTok"] = TableColumns.FromDecimal(record.CachedInputPerMTok),
            ["CacheWritePerMTok"] = TableColumns.FromDecimal(record.CacheWritePerMTok),
            ["OutputPerMTok"] = TableColumns.FromDecimal(record.OutputPerMTok),
            ["BatchInputPerMTok"] = TableColumns.FromDecimal(record.BatchInputPerMTok),
            ["BatchOutputPerMTok"] = TableColumns.FromDecimal(record.BatchOutputPerMTok),
            ["TrainingPerMTok"] = TableColumns.FromDecimal(record.TrainingPerMTok),
            ["TrainingPerHour"] = TableColumns.FromDecimal(record.TrainingPerHour),
            ["HostingPerHour"] = TableColumns.FromDecimal(record.HostingPerHour),
            ["Currency"] = record.Currency,
            ["Source"] = record.Source,
            ["EffectiveFrom"] = record.EffectiveFrom,
            ["FetchedAt"] = record.FetchedAt,
            ["SheetVersion"] = record.SheetVersion,
            ["DeploymentType"] = record.DeploymentType,
            ["Tiers"] = record.Tiers is null ? null : JsonSerializer.Serialize(record.Tiers, ReassessJson.Compact),
        };
    }

    private static PriceRecord FromEntity(TableEntity row) => new()
    {
        Key = TableColumns.String(row, "Key"),
        Provider = TableColumns.String(row, "Provider"),
        Model = TableColumns.String(row, "Model"),
        InputPerMTok = TableColumns.Decimal(row, "InputPerMTok"),
        CachedInputPerMTok = TableColumns.Decimal(row, "CachedInputPerMTok"),
        CacheWritePerMTok = TableColumns.Decimal(row, "CacheWritePerMTok"),
        OutputPerMTok = TableColumns.Decimal(row, "OutputPerMTok"),
        BatchInputPerMTok = TableColumns.Decimal(row, "BatchInputPerMTok"),
        BatchOutputPerMTok = TableColumns.Decimal(row, "BatchOutputPerMTok"),
        TrainingPerMTok = TableColumns.Decimal(row, "TrainingPerMTok"),
        TrainingPerHour = TableColumns.Decimal(row, "TrainingPerHour"),
        HostingPerHour = TableColumns.Decimal(row, "HostingPerHour"),
        Currency = TableColumns.String(row, "Currency"),
        Source = TableColumns.String(row, "Source"),
        // The row key holds the exact instant; the column is for people reading the table.
        EffectiveFrom = StorageKeys.FromInvertedTicks(row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..]),
        FetchedAt = row.GetDateTimeOffset("FetchedAt") ?? default,
        SheetVersion = row.GetString("SheetVersion"),
        DeploymentType = row.GetString("DeploymentType"),
        Tiers = row.GetString("Tiers") is { Length: > 0 } tiers ? JsonSerializer.Deserialize<PriceTiers>(tiers, ReassessJson.Compact) : null,
    };
}
