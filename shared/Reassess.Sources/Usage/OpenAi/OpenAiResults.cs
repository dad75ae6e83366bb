using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.OpenAi;

/// <summary>What the usage and the costs answers of OpenAI's organization API share: their grouping dimensions and result kinds.</summary>
internal static class OpenAiResults
{
    public static UsageDimensions Dimensions(FieldReader fields) => UsageDimensions.Of(
        (UsageDimensions.ProjectId, fields.Text("project_id")),
        (UsageDimensions.ApiKeyId, fields.Text("api_key_id")),
        (UsageDimensions.UserId, fields.Text("user_id")));

    /// <summary>The model and groups of a usage result, for holding back the totals a bad one belongs to.</summary>
    public static (string Model, UsageDimensions Dimensions) IdentifyUsage(FieldReader fields) =>
        (UsageModelKeys.For("openai", fields.Text("model")), Dimensions(fields));

    /// <summary>
    /// The model and groups of a cost result: a <c>line_item</c> such as <c>gpt-4o-mini-2024-07-18, input</c> names the
    /// model before its comma; one without a comma (<c>input_tokens</c>, <c>web search</c>) names none.
    /// </summary>
    public static (string Model, UsageDimensions Dimensions) IdentifyCost(FieldReader fields)
    {
        var lineItem = fields.Text("line_item");
        var model = lineItem is not null && lineItem.Contains(',', StringComparison.Ordinal) ? lineItem.Split(',', 2)[0] : null;
        return (UsageModelKeys.For("openai", model), Dimensions(fields));
    }

    /// <summary>A costs page read as usage (or the other way round) is the wrong format as a whole, not a page of bad rows.</summary>
    public static void RefuseOtherKinds(FieldReader fields, string expected, string sourceName)
    {
        var kind = fields.Text("object");
        if (kind is null || string.Equals(kind, expected, StringComparison.Ordinal)) return;
        var hint = kind switch
        {
            "organization.costs.result" => $"; it is a costs answer: read it with --format {UsageSourceNames.OpenAiCosts}",
            OpenAiUsageReader.ResultObject => $"; it is a completions usage answer: read it with --format {UsageSourceNames.OpenAi}",
            _ => "",
        };
        throw new InputRejectedException(new InputProblem(sourceName, fields.Entry.Location, $"holds '{kind}' results, not '{expected}'{hint}"));
    }
}
