using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.Anthropic;

/// <summary>The grouping dimensions Anthropic's usage and cost reports share.</summary>
internal static class AnthropicResults
{
    public static UsageDimensions Dimensions(FieldReader fields) => UsageDimensions.Of(
        (UsageDimensions.WorkspaceId, fields.Text("workspace_id")),
        (UsageDimensions.ApiKeyId, fields.Text("api_key_id")));
}
