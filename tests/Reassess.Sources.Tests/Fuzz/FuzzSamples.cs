using System.Text;
using System.Text.Json;
using Reassess.Sources.Formats.Csv;
using Reassess.Sources.Tests.Formats.Csv;
using Reassess.Sources.Tests.Usage.Providers;
using Reassess.Tools.Azurite;

namespace Reassess.Sources.Tests.Fuzz;

/// <summary>A real input a reader is fuzzed from: its file name (how problems name it) and its bytes.</summary>
public sealed record FuzzSample(string Name, Func<byte[]> Load);

/// <summary>
/// The real inputs each reader is fuzzed from, by where the reader is listed and its format: the reference files in
/// <c>../shared/data</c>, the repository's own samples for the formats only Reassess has (overrides, drops), and for
/// formats that take CSV or JSON, the same sample in both. A reader listed without a sample fails the fuzz test.
/// </summary>
public static class FuzzSamples
{
    private const string Triage = """{"workload":"ticket-triage","team":"support"}""";

    private static readonly Dictionary<(string Kind, string Format), FuzzSample[]> ByReader = new()
    {
        [("prices", "genai-prices")] = [Shared("prices", "genai_prices_v2.json")],
        [("prices", "litellm")] = [Shared("prices", "litellm_model_prices.json")],
        [("prices", "openrouter")] = [Shared("prices", "openrouter_models_excerpt.json")],
        [("prices", "azure-retail")] = [Shared("prices", "azure_retail_sample.json"), Shared("prices", "azure_retail_openai_eastus2_items.ndjson")],
        [("prices", "overrides")] = CsvAndJson("samples/prices/overrides.csv", "prices"),
        [("usage", "csv")] = CsvAndJson("samples/usage-drops/usage/support.csv", "usage"),
        [("evals", "evals")] = CsvAndJson("samples/usage-drops/evals/evals.csv", "evals"),
        [("metered", "openai")] = [Shared("usage", "openai_usage_completions_cookbook_real_30d.json")],
        [("metered", "openai-costs")] = [Shared("usage", "openai_costs.json")],
        [("metered", "anthropic")] = [Shared("usage", "anthropic_usage_report_messages.json")],
        [("metered", "anthropic-costs")] = [Shared("usage", "anthropic_cost_report.json")],
        [("metered", "azure-monitor")] = [Shared("usage", "azure_monitor_metrics_aoai_TokenTransaction_real_excerpt.json")],
        // No FOCUS export is in shared/data; this one has the real Microsoft 1.2 columns (from its export schema there).
        [("metered", "focus")] = [new("focus_1.2_export.csv", () => Encoding.UTF8.GetBytes(Focus().Text)), new("focus_1.2_export.csv.gz", () => Focus().Gzipped())],
    };

    public static IReadOnlyList<FuzzSample> For(string kind, string format) => ByReader.GetValueOrDefault((kind, format), []);

    private static FuzzSample Shared(string folder, string file) => new(file, () => File.ReadAllBytes(TestData.File(folder, file)));

    /// <summary>The CSV sample, and the same rows as the JSON form <c>{ "arrayName": [ {column: value} ] }</c>.</summary>
    private static FuzzSample[] CsvAndJson(string path, string arrayName)
    {
        var file = Path.Combine(RepositoryRoot.Find(), path);
        var json = Path.ChangeExtension(Path.GetFileName(path), ".json");
        return [new(Path.GetFileName(path), () => File.ReadAllBytes(file)), new(json, () => AsJson(File.ReadAllText(file), arrayName))];
    }

    private static byte[] AsJson(string csv, string arrayName)
    {
        var records = new CsvReader(new StringReader(csv)).ReadAll().Where(r => !r.IsBlank).ToList();
        var header = records[0].Fields;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(arrayName);
            foreach (var record in records.Skip(1))
            {
                writer.WriteStartObject();
                for (var i = 0; i < header.Count && i < record.Fields.Count; i++)
                {
                    if (record.Fields[i].Length == 0) continue;
                    // Numbers as JSON numbers, as a hand-written JSON sheet has them; everything else as text.
                    if (decimal.TryParse(record.Fields[i], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
                        writer.WriteNumber(header[i], decimal.Parse(record.Fields[i], System.Globalization.CultureInfo.InvariantCulture));
                    else
                        writer.WriteString(header[i], record.Fields[i]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static FocusFile Focus() => FocusFile.Microsoft12()
        .Usage("2026-11-02T00:00:00Z", "gpt-4o-mini-0718-Inp-glbl Tokens", "1200.5", "1000", "0.18", Triage)
        .Usage("2026-11-02T00:00:00Z", "gpt 4o mini 0718 cached Inp glbl Tokens", "300", "1000", "0.02", Triage)
        .Usage("2026-11-02 00:00:00", "gpt-4o-mini-0718-Outp-glbl Tokens", "40", "1000", "0.02", Triage)
        .Usage("2026-11-03T00:00:00Z", "GPT 5 Mini Inpt Glbl 1M Tokens", "0.25", "", "0.06", Triage)
        .Usage("2026-11-03T00:00:00Z", "gpt-4.1-mini-ft hosting global Unit", "24", "1", "40.8", Triage)
        .Row(("ChargePeriodStart", "2026-11-03T00:00:00Z"), ("ChargeCategory", "Purchase"), ("SkuMeter", "gpt 4.1 Inp glbl Tokens"), ("PricingQuantity", "1"));
}
