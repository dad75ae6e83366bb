using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Prices;
using Reassess.Testing.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>
/// A corrupted copy of each real sheet: cut off (the whole sheet is refused, naming the file and where it breaks), or
/// one entry with a wrong type or a negative price (that entry is rejected, named, and every other entry still read).
/// </summary>
public sealed class CorruptedSheetTests
{
    public static TheoryData<string, string> Sheets()
    {
        var data = new TheoryData<string, string>();
        foreach (var (format, file) in CorruptedSheets.RealSheets) data.Add(format, file);
        return data;
    }

    [Fact]
    public async Task Every_real_sheet_parses_without_an_exception_or_a_rejection_of_its_well_known_entry()
    {
        foreach (var (format, file) in CorruptedSheets.RealSheets)
        {
            var result = await ReadAsync(format, CorruptedSheets.Original(file), file);
            Assert.NotEmpty(result.Records);
            Assert.Contains(result.Records, r => r.Key == CorruptedSheets.Target(format, file).Key);
        }
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_truncated_copy_is_refused_naming_the_file_and_where_it_breaks(string format, string file)
    {
        var sheet = CorruptedSheets.Make(format, file, Corruption.Truncated);

        var error = await Assert.ThrowsAsync<InputRejectedException>(() => ReadAsync(format, sheet.Bytes, file));

        Assert.Equal(file, error.Problem.Source);
        Assert.StartsWith("line ", error.Problem.Location);
        Assert.Contains("not valid JSON", error.Problem.Message);
        Assert.Contains("not cut off", error.Problem.Message);
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_wrong_type_rejects_that_entry_by_name_and_keeps_the_rest(string format, string file)
    {
        var sheet = CorruptedSheets.Make(format, file, Corruption.WrongType);
        var before = await ReadAsync(format, CorruptedSheets.Original(file), file);

        var result = await ReadAsync(format, sheet.Bytes, file);

        var problem = Assert.Single(result.Rejected.Except(before.Rejected));
        Assert.Equal(file, problem.Source);
        Assert.Contains(sheet.Entry, problem.ToString());
        Assert.DoesNotContain(result.Records, r => r.Key == sheet.Key);
        Assert.Equal(before.Records.Count - 1, result.Records.Count);
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_negative_price_rejects_that_entry_saying_it_is_negative(string format, string file)
    {
        var sheet = CorruptedSheets.Make(format, file, Corruption.NegativePrice);

        var result = await ReadAsync(format, sheet.Bytes, file);

        var problem = Assert.Single(result.Rejected, p => p.ToString().Contains(sheet.Entry));
        Assert.Contains("negative", problem.Message);
        Assert.DoesNotContain(result.Records, r => r.Key == sheet.Key);
    }

    [Fact]
    public async Task A_missing_hosting_meter_leaves_the_azure_fine_tune_out_rather_than_priced_without_hosting()
    {
        var sheet = CorruptedSheets.Make("azure-retail", "azure_retail_sample.json", Corruption.WrongType);

        var result = await ReadAsync("azure-retail", sheet.Bytes, sheet.File);

        var left = Assert.Single(result.Skipped, p => p.Location == "model azure/gpt-4.1-mini-ft");
        Assert.StartsWith("left out: its meter at line 864 (entry 40) was rejected", left.Message);
    }

    private static Task<ReadResult<PriceRecord>> ReadAsync(string format, byte[] bytes, string file) =>
        PriceSheetReading.ReadAsync(ReaderCatalog.Default.Prices.Get(format), bytes, file, Read.Now);
}
