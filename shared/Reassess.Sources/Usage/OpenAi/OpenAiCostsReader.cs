using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.OpenAi;

/// <summary>
/// OpenAI's <c>GET /v1/organization/costs</c> (format <c>openai-costs</c>), kept for finance trends: day buckets of
/// <c>amount { value, currency }</c> per <c>project_id</c> and <c>line_item</c> (e.g. <c>gpt-4o-mini-2024-07-18, input</c>,
/// whose model part becomes the row's model). Cost only: no calls, no tokens.
/// </summary>
public sealed class OpenAiCostsReader : UsagePageReader
{
    public const string ResultObject = "organization.costs.result";

    private static readonly BucketShape Shape = new(
        "an OpenAI costs page { \"object\": \"page\", \"data\": [ buckets with results ], \"next_page\": … }",
        "start_time", "end_time", UnixTimes: true);

    public override string Format => UsageSourceNames.OpenAiCosts;

    public override UsagePage ReadPage(byte[] content, string sourceName) =>
        BucketPages.Read(content, sourceName, Shape, (fields, day) => ReadResult(fields, day, sourceName), OpenAiResults.IdentifyCost);

    private MeteredUsage? ReadResult(FieldReader fields, DateOnly day, string sourceName)
    {
        OpenAiResults.RefuseOtherKinds(fields, ResultObject, sourceName);
        if (fields.Entry is not Formats.Json.JsonEntry entry || entry.Object("amount") is not { } amount)
        {
            fields.Problem("amount", "is missing; every cost result needs an amount { value, currency }");
            return null;
        }

        var value = amount.Field("value");
        if (value.Kind is not (FieldKind.Number or FieldKind.Text) || !DecimalText.TryParse(value.Text, out var cost))
        {
            fields.Problem("amount.value", $"{value.Quoted} is not an amount; expected a number of currency units, e.g. 0.06");
            return null;
        }

        var currency = amount.Field("currency") is { Kind: FieldKind.Text } c ? c.Text : "usd";
        var (model, dimensions) = OpenAiResults.IdentifyCost(fields);
        return new MeteredUsage
        {
            Source = Format,
            Day = day,
            Model = model,
            Dimensions = dimensions,
            Calls = null,
            Cost = cost,
            Currency = currency.ToUpperInvariant(),
        };
    }
}
