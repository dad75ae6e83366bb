using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.Anthropic;

/// <summary>The grouping dimensions Anthropic's usage and cost reports share.</summary>
internal static class AnthropicResults
{
    public static UsageDimensions Dimensions(FieldReader fields) => UsageDimensions.Of(
        (UsageDimensions.WorkspaceId, fields.Text("workspace_id")),
        (UsageDimensions.ApiKeyId, fields.Text("api_key_id")));

    /// <summary>The model and groups of a result, for holding back the totals a bad one belongs to.</summary>
    public static (string Model, UsageDimensions Dimensions) Identify(FieldReader fields) =>
        (UsageModelKeys.For("anthropic", fields.Text("model")), Dimensions(fields));
}
