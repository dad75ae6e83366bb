using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.Anthropic;

/// <summary>
/// Anthropic's Admin API <c>GET /v1/organizations/cost_report</c> (format <c>anthropic-costs</c>), kept for finance
/// trends: buckets of results whose <c>amount</c> is a decimal string <b>in cents</b> (<c>"123.78912"</c> is
/// $1.2378912), per <c>workspace_id</c> and <c>model</c> when grouped by them. Cost only: no calls, no tokens.
/// </summary>
public sealed class AnthropicCostReader : UsagePageReader
{
    private static readonly BucketShape Shape = new(
        "an Anthropic cost report page { \"data\": [ buckets with results ], \"has_more\", \"next_page\" }",
        "starting_at", "ending_at", UnixTimes: false);

    public override string Format => UsageSourceNames.AnthropicCosts;

    public override UsagePage ReadPage(byte[] content, string sourceName) => BucketPages.Read(content, sourceName, Shape, ReadResult, AnthropicResults.Identify);

    private MeteredUsage? ReadResult(FieldReader fields, DateOnly day)
    {
        var cents = fields.Decimal("amount", null, null, "an amount is a number of cents, e.g. \"123.78912\"", required: true);
        var currency = fields.Text("currency") ?? "USD";
        if (!fields.IsValid || cents is not { } amount) return null;

        return new MeteredUsage
        {
            Source = Format,
            Day = day,
            Model = UsageModelKeys.For("anthropic", fields.Text("model")),
            Dimensions = AnthropicResults.Dimensions(fields),
            Calls = null,
            Cost = amount / 100m,
            Currency = currency.ToUpperInvariant(),
        };
    }
}
