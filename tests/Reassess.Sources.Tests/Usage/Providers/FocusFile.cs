using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Reassess.Sources.Tests.Usage.Providers;

/// <summary>
/// Writes small FOCUS exports for tests with the real column lists: FOCUS 1.0 from the FinOps spec's column table,
/// 1.2 as Microsoft exports it (with its <c>x_</c> extensions). Columns a row does not set are written as the given filler.
/// </summary>
public sealed class FocusFile(IReadOnlyList<string> columns, string filler = "")
{
    private readonly StringBuilder _text = new StringBuilder().AppendLine(string.Join(',', columns));

    public static FocusFile Microsoft12(string filler = "") => new(
        JsonNode.Parse(File.ReadAllText(TestData.File("usage", "microsoft_focuscost_1.2_export_schema.json")))!["translator"]!["mappings"]!
            .AsArray().Select(m => m!["source"]!["name"]!.GetValue<string>()).ToList(), filler);

    public static FocusFile Focus10(string filler = "") => new(
        JsonNode.Parse(File.ReadAllText(TestData.File("usage", "focus_columns_by_version.json")))!["v1.0"]!
            .AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList(), filler);

    public IReadOnlyList<string> Columns => columns;

    /// <summary>Adds a row; values are quoted as CSV needs.</summary>
    public FocusFile Row(params (string Column, string Value)[] values)
    {
        var byName = values.ToDictionary(v => v.Column, v => v.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in byName.Keys.Where(k => !columns.Contains(k, StringComparer.OrdinalIgnoreCase)))
            throw new ArgumentException($"{unknown} is not a column of this export");
        _text.AppendLine(string.Join(',', columns.Select(c => Quote(byName.GetValueOrDefault(c, filler)))));
        return this;
    }

    /// <summary>A usage row of a token meter on a day, with the usual columns filled.</summary>
    public FocusFile Usage(string start, string meter, string pricingQuantity, string blockSize, string cost, string tags, params (string Column, string Value)[] more) =>
        Row([
            ("ChargePeriodStart", start), ("ChargePeriodEnd", start), ("ChargeCategory", "Usage"), (MeterColumn, meter),
            ("PricingQuantity", pricingQuantity), (BlockColumn, blockSize), ("EffectiveCost", cost), ("BilledCost", cost), ("BillingCurrency", "USD"),
            ("ResourceId", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aoai-prod"), ("Tags", tags),
            .. more,
        ]);

    public string Text => _text.ToString();

    public byte[] Gzipped()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(Text));
        return buffer.ToArray();
    }

    private string MeterColumn => columns.Contains("SkuMeter") ? "SkuMeter" : "ChargeDescription";

    private string BlockColumn => columns.Contains("x_PricingBlockSize") ? "x_PricingBlockSize" : "PricingUnit";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
