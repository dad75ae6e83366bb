using Reassess.Testing;
using Reassess.Testing.Prices;

namespace Reassess.Pipeline.Tests.Prices;

/// <summary>
/// Each real sheet is stored, then a corrupted copy of it arrives: cut off (quarantined), a wrong type, a negative price
/// (that entry rejected). Each time the problem names the file and the entry, and the price stored before stays.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class CorruptedSheetStorageTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string> Sheets()
    {
        var data = new TheoryData<string, string>();
        foreach (var (format, file) in CorruptedSheets.RealSheets) data.Add(format, file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_corrupted_copy_is_quarantined_or_its_entry_rejected_and_the_stored_price_stays(string format, string file)
    {
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), $"{format}={file}");
        var path = workspace.CopyRealSheet(file);
        var day = PriceWorkspace.Nov23;
        var first = await workspace.RefreshAsync(day);
        var key = CorruptedSheets.Target(format, file).Key;
        var stored = await workspace.StoredAsync(key, day);
        Assert.NotNull(stored);
        Assert.DoesNotContain(first.Problems, p => p.ToString().Contains(CorruptedSheets.Target(format, file).Entry));

        // Cut off: the whole sheet is quarantined and the last good one stays in force.
        var truncated = CorruptedSheets.Make(format, file, Corruption.Truncated);
        await File.WriteAllBytesAsync(path, truncated.Bytes);
        var cut = await workspace.RefreshAsync(day.AddDays(1));
        var refused = Assert.Single(cut.Problems);
        Assert.Equal(path, refused.Source);
        Assert.StartsWith("line ", refused.Location);
        Assert.Contains("sheet quarantined; the last good", refused.Message);
        Assert.Contains($"price-sheets/quarantine/{format}/2026-11-24/{file}", await workspace.Files.ListAsync("price-sheets/quarantine"));
        Assert.Equal(stored, await workspace.StoredAsync(key, day.AddDays(1)));

        // One entry broken: that entry is rejected, named, and its stored price stays.
        foreach (var (corruption, offset) in new[] { (Corruption.WrongType, 2), (Corruption.NegativePrice, 3) })
        {
            var broken = CorruptedSheets.Make(format, file, corruption);
            await File.WriteAllBytesAsync(path, broken.Bytes);
            var outcome = await workspace.RefreshAsync(day.AddDays(offset));
            var problem = Assert.Single(outcome.Problems, p => p.ToString().Contains(broken.Entry));
            Assert.Equal(path, problem.Source);
            if (corruption == Corruption.NegativePrice) Assert.Contains("negative", problem.Message);
            Assert.Equal(stored, await workspace.StoredAsync(key, day.AddDays(offset)));
        }
    }
}
