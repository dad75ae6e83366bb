using Azure.Data.Tables;
using Reassess.Storage.Tables;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class TableBatchWriterTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var account = await azurite.NewAccountAsync();
        var table = account.Table("BatchWriter");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static IEnumerable<TableEntity> Rows(string partition, int count) =>
        Enumerable.Range(0, count).Select(i => new TableEntity(partition, $"row{i:D4}") { ["Index"] = i, ["Label"] = $"{partition}-{i}" });

    [Fact]
    public async Task Rows_over_several_partitions_go_in_transactions_of_at_most_100_and_all_read_back()
    {
        var table = await NewTableAsync();
        var rows = Rows("alpha", 120).Concat(Rows("beta", 80)).Concat(Rows("gamma", 50)).ToList();

        var result = await new TableBatchWriter().UpsertAsync(table, rows);

        Assert.Equal(new BatchWriteResult(Entities: 250, Partitions: 3, Transactions: 4, LargestTransaction: 100), result);
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(250, stored.Count);
        Assert.Equal(120, stored.Count(r => r.PartitionKey == "alpha"));
        Assert.Equal(80, stored.Count(r => r.PartitionKey == "beta"));
        Assert.Equal(50, stored.Count(r => r.PartitionKey == "gamma"));
        var last = stored.Single(r => r.PartitionKey == "alpha" && r.RowKey == "row0119");
        Assert.Equal(119, last.GetInt32("Index"));
        Assert.Equal("alpha-119", last.GetString("Label"));
    }

    [Fact]
    public async Task Writing_the_same_rows_again_replaces_them_instead_of_adding()
    {
        var table = await NewTableAsync();
        var writer = new TableBatchWriter();

        await writer.UpsertAsync(table, Rows("alpha", 30));
        await writer.UpsertAsync(table, Rows("alpha", 30).Select(r => { r["Label"] = "second"; return r; }));

        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(30, stored.Count);
        Assert.All(stored, r => Assert.Equal("second", r.GetString("Label")));
    }

    [Fact]
    public async Task A_row_named_twice_in_one_call_is_written_once_with_its_last_values()
    {
        var table = await NewTableAsync();

        var result = await new TableBatchWriter().UpsertAsync(table,
        [
            new TableEntity("alpha", "r1") { ["Label"] = "first" },
            new TableEntity("alpha", "r1") { ["Label"] = "last" },
        ]);

        Assert.Equal(1, result.Entities);
        var stored = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal("last", stored.GetString("Label"));
    }

    [Fact]
    public async Task Replacing_a_row_removes_columns_the_new_version_does_not_have()
    {
        var table = await NewTableAsync();
        var writer = new TableBatchWriter();

        await writer.UpsertAsync(table, [new TableEntity("alpha", "r1") { ["Old"] = "gone soon", ["Kept"] = 1 }]);
        await writer.UpsertAsync(table, [new TableEntity("alpha", "r1") { ["Kept"] = 2 }]);

        var stored = (await table.GetEntityAsync<TableEntity>("alpha", "r1")).Value;
        Assert.False(stored.ContainsKey("Old"));
        Assert.Equal(2, stored.GetInt32("Kept"));
    }

    [Fact]
    public async Task A_bad_key_fails_the_whole_call_before_anything_is_written()
    {
        var table = await NewTableAsync();
        var rows = Rows("alpha", 10).Append(new TableEntity("alpha", "2026-03-01#bad")).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new TableBatchWriter().UpsertAsync(table, rows));

        Assert.Contains("RowKey of a row in partition 'alpha'", error.Message);
        Assert.Contains("'2026-03-01#bad' cannot be a table key: it contains '#'", error.Message);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task Deleting_rows_removes_exactly_those_rows()
    {
        var table = await NewTableAsync();
        var writer = new TableBatchWriter();
        await writer.UpsertAsync(table, Rows("alpha", 150));

        var result = await writer.DeleteAsync(table, Rows("alpha", 120));

        Assert.Equal(new BatchWriteResult(120, 1, 2, 100), result);
        var left = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(Enumerable.Range(120, 30).Select(i => $"row{i:D4}"), left.Select(r => r.RowKey));
    }

    [Fact]
    public async Task Text_longer_than_one_column_holds_is_split_and_reads_back_whole()
    {
        var table = await NewTableAsync();
        var text = string.Concat(Enumerable.Range(0, 7_000).Select(i => $"{i:D9}|")); // 70,000 characters
        var row = new TableEntity("alpha", "long");
        TableColumns.SetText(row, "Json", text);

        await new TableBatchWriter().UpsertAsync(table, [row]);

        var stored = (await table.GetEntityAsync<TableEntity>("alpha", "long")).Value;
        Assert.Equal(TableColumns.TextChunk, stored.GetString("Json")!.Length);
        Assert.Equal(text, TableColumns.GetText(stored, "Json"));
    }

    [Fact]
    public async Task Writing_to_a_table_that_does_not_exist_says_how_to_create_it()
    {
        var settings = azurite.NewSettings();
        var table = new Configuration.StorageAccount(settings).Table(settings.RunsTable); // EnsureCreatedAsync not called

        var error = await Assert.ThrowsAsync<StorageWriteException>(() => new TableBatchWriter().UpsertAsync(table, Rows("alpha", 1)));

        Assert.Contains($"table {settings.TableName("Runs")}, partition 'alpha'", error.Message);
        Assert.Contains("EnsureCreatedAsync", error.Message);
    }
}
