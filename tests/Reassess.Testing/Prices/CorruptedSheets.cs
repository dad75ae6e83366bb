using System.Text;
using System.Text.Json.Nodes;

namespace Reassess.Testing.Prices;

/// <summary>How a copy of a real sheet is broken.</summary>
public enum Corruption
{
    /// <summary>Cut off two thirds of the way through, as an interrupted download leaves it.</summary>
    Truncated,

    /// <summary>One entry's price written as text or true where a number belongs.</summary>
    WrongType,

    /// <summary>One entry's price negated.</summary>
    NegativePrice,
}

/// <summary>A broken copy of a real sheet, how problems name the broken entry, and the price key that entry prices.</summary>
public sealed record CorruptedSheet(string Format, string File, byte[] Bytes, string Entry, string Key);

/// <summary>
/// Corrupted copies of the real price sheets in ../shared/data/prices: each breaks the entry of one well-known model
/// (gpt-4o-mini, or Azure's gpt-4.1-mini fine-tune hosting meter) so a test can check that exactly that entry is named.
/// </summary>
public static class CorruptedSheets
{
    /// <summary>Every real sheet by format and file name.</summary>
    public static IReadOnlyList<(string Format, string File)> RealSheets { get; } =
    [
        ("genai-prices", "genai_prices_v2.json"),
        ("litellm", "litellm_model_prices.json"),
        ("azure-retail", "azure_retail_sample.json"),
        ("azure-retail", "azure_retail_openai_eastus2_items.ndjson"),
        ("openrouter", "openrouter_models_excerpt.json"),
    ];

    public static byte[] Original(string file) => System.IO.File.ReadAllBytes(SharedData.Path("prices", file));

    public static CorruptedSheet Make(string format, string file, Corruption corruption)
    {
        var (entry, key) = Target(format, file);
        if (corruption == Corruption.Truncated)
        {
            var bytes = Original(file);
            return new CorruptedSheet(format, file, bytes[..(bytes.Length * 2 / 3)], entry, key);
        }

        var wrongType = corruption == Corruption.WrongType;
        JsonNode Bad(JsonNode price) => wrongType ? JsonValue.Create("cheap")! : JsonValue.Create(-price.GetValue<decimal>())!;
        var text = Encoding.UTF8.GetString(Original(file));
        string corrupted;
        switch (format)
        {
            case "genai-prices":
            {
                var root = JsonNode.Parse(text)!;
                var model = root.AsArray().Single(p => (string?)p!["id"] == "openai")!["models"]!.AsArray().Single(m => (string?)m!["id"] == "gpt-4o-mini")!;
                model["prices"]!["input_mtok"] = Bad(model["prices"]!["input_mtok"]!);
                corrupted = root.ToJsonString();
                break;
            }
            case "litellm":
            {
                var root = JsonNode.Parse(text)!;
                root["gpt-4o-mini"]!["input_cost_per_token"] = wrongType ? JsonValue.Create("cheap") : JsonValue.Create(-1.5e-07m);
                corrupted = root.ToJsonString(new() { WriteIndented = true });
                break;
            }
            case "azure-retail" when file.EndsWith(".ndjson", StringComparison.Ordinal):
            {
                var lines = text.Split('\n');
                var i = Array.FindIndex(lines, l => l.Contains("\"gpt-4.1-mini-ft hosting global Unit\"", StringComparison.Ordinal));
                var item = JsonNode.Parse(lines[i])!;
                item["retailPrice"] = Bad(item["retailPrice"]!);
                lines[i] = item.ToJsonString();
                corrupted = string.Join('\n', lines);
                break;
            }
            case "azure-retail":
            {
                var root = JsonNode.Parse(text)!;
                var item = root["Items"]!.AsArray().Single(n => (string?)n!["meterName"] == "gpt-4.1-mini-ft hosting global Unit")!;
                item["retailPrice"] = Bad(item["retailPrice"]!);
                corrupted = root.ToJsonString(new() { WriteIndented = true });
                break;
            }
            default:
            {
                var root = JsonNode.Parse(text)!;
                var model = root["data"]!.AsArray().Single(n => (string?)n!["id"] == "openai/gpt-4o-mini")!;
                model["pricing"]!["prompt"] = wrongType ? JsonValue.Create(true) : JsonValue.Create("-0.00000015");
                corrupted = root.ToJsonString(new() { WriteIndented = true });
                break;
            }
        }

        return new CorruptedSheet(format, file, Encoding.UTF8.GetBytes(corrupted), entry, key);
    }

    /// <summary>How a problem names the broken entry (part of its location or message), and its price key.</summary>
    public static (string Entry, string Key) Target(string format, string file) => format switch
    {
        "genai-prices" => ("model openai/gpt-4o-mini", "openai/gpt-4o-mini"),
        "litellm" => ("(entry \"gpt-4o-mini\")", "openai/gpt-4o-mini"),
        "azure-retail" when file.EndsWith(".ndjson", StringComparison.Ordinal) =>
            ($"line {Array.FindIndex(Encoding.UTF8.GetString(Original(file)).Split('\n'), l => l.Contains("\"gpt-4.1-mini-ft hosting global Unit\"", StringComparison.Ordinal)) + 1}", "azure/gpt-4.1-mini-ft"),
        "azure-retail" => ("(entry 40)", "azure/gpt-4.1-mini-ft"),
        _ => ("(entry 1)", "openrouter/openai/gpt-4o-mini"),
    };
}
