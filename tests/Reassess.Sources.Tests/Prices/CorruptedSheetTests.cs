using System.Text;
using System.Text.Json.Nodes;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>
/// A corrupted copy of each real sheet: cut off (the whole sheet is refused, naming the file and where it breaks), or
/// one entry with a wrong type or a negative price (that entry is rejected, named, and every other entry still read).
/// </summary>
public sealed class CorruptedSheetTests
{
    public static TheoryData<string, string> Sheets => new()
    {
        { "genai-prices", "genai_prices_v2.json" },
        { "litellm", "litellm_model_prices.json" },
        { "azure-retail", "azure_retail_sample.json" },
        { "azure-retail", "azure_retail_openai_eastus2_items.ndjson" },
        { "openrouter", "openrouter_models_excerpt.json" },
    };

    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_truncated_copy_is_refused_naming_the_file_and_where_it_breaks(string format, string file)
    {
        var bytes = Original(file);
        var cut = bytes[..(bytes.Length * 2 / 3)];

        var error = await Assert.ThrowsAsync<InputRejectedException>(() => ReadAsync(format, cut, file));

        Assert.Equal(file, error.Problem.Source);
        Assert.StartsWith("line ", error.Problem.Location);
        Assert.Contains("not valid JSON", error.Problem.Message);
        Assert.Contains("not cut off", error.Problem.Message);
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_wrong_type_rejects_that_entry_by_name_and_keeps_the_rest(string format, string file)
    {
        var (corrupted, entry, key) = Corrupt(format, file, wrongType: true);
        var before = await ReadAsync(format, Original(file), file);

        var result = await ReadAsync(format, corrupted, file);

        var problem = Assert.Single(result.Rejected.Except(before.Rejected));
        Assert.Equal(file, problem.Source);
        Assert.Contains(entry, problem.ToString());
        Assert.DoesNotContain(result.Records, r => r.Key == key);
        Assert.Equal(before.Records.Count - 1, result.Records.Count);
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_negative_price_rejects_that_entry_saying_it_is_negative(string format, string file)
    {
        var (corrupted, entry, key) = Corrupt(format, file, wrongType: false);

        var result = await ReadAsync(format, corrupted, file);

        var problem = Assert.Single(result.Rejected, p => p.ToString().Contains(entry));
        Assert.Contains("negative", problem.Message);
        Assert.DoesNotContain(result.Records, r => r.Key == key);
    }

    private static Task<ReadResult<PriceRecord>> ReadAsync(string format, byte[] bytes, string file) =>
        PriceSheetReading.ReadAsync(ReaderCatalog.Default.Prices.Get(format), bytes, file, Read.Now);

    private static byte[] Original(string file) => File.ReadAllBytes(TestData.File("prices", file));

    /// <summary>The file with one entry broken, how problems name that entry, and the key it would have priced.</summary>
    private static (byte[] Bytes, string Entry, string Key) Corrupt(string format, string file, bool wrongType)
    {
        JsonNode Bad(JsonNode price) => wrongType ? JsonValue.Create("cheap")! : JsonValue.Create(-price.GetValue<decimal>())!;
        var text = Encoding.UTF8.GetString(Original(file));
        switch (format)
        {
            case "genai-prices":
            {
                var root = JsonNode.Parse(text)!;
                var model = root.AsArray().Single(p => (string?)p!["id"] == "openai")!["models"]!.AsArray().Single(m => (string?)m!["id"] == "gpt-4o-mini")!;
                model["prices"]!["input_mtok"] = Bad(model["prices"]!["input_mtok"]!);
                return (Encoding.UTF8.GetBytes(root.ToJsonString()), "model openai/gpt-4o-mini", "openai/gpt-4o-mini");
            }
            case "litellm":
            {
                var root = JsonNode.Parse(text)!;
                root["gpt-4o-mini"]!["input_cost_per_token"] = wrongType ? JsonValue.Create("cheap") : JsonValue.Create(-1.5e-07m);
                return (Encoding.UTF8.GetBytes(root.ToJsonString(new() { WriteIndented = true })), "(entry \"gpt-4o-mini\")", "openai/gpt-4o-mini");
            }
            case "azure-retail" when file.EndsWith(".ndjson"):
            {
                var lines = text.Split('\n');
                var i = Array.FindIndex(lines, l => l.Contains("\"gpt-4.1-mini-ft hosting global Unit\""));
                var item = JsonNode.Parse(lines[i])!;
                item["retailPrice"] = Bad(item["retailPrice"]!);
                lines[i] = item.ToJsonString();
                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), $"line {i + 1}", "azure/gpt-4.1-mini-ft");
            }
            case "azure-retail":
            {
                var root = JsonNode.Parse(text)!;
                var items = root["Items"]!.AsArray();
                var index = items.ToList().FindIndex(n => (string?)n!["meterName"] == "gpt-4.1-mini-ft hosting global Unit");
                items[index]!["retailPrice"] = Bad(items[index]!["retailPrice"]!);
                return (Encoding.UTF8.GetBytes(root.ToJsonString(new() { WriteIndented = true })), $"(entry {index + 1})", "azure/gpt-4.1-mini-ft");
            }
            default:
            {
                var root = JsonNode.Parse(text)!;
                var data = root["data"]!.AsArray();
                var index = data.ToList().FindIndex(n => (string?)n!["id"] == "openai/gpt-4o-mini");
                data[index]!["pricing"]!["prompt"] = wrongType ? JsonValue.Create(true) : JsonValue.Create("-0.00000015");
                return (Encoding.UTF8.GetBytes(root.ToJsonString(new() { WriteIndented = true })), $"(entry {index + 1})", "openrouter/openai/gpt-4o-mini");
            }
        }
    }
}
