using System.Text.RegularExpressions;
using Reassess.Core.Prices;

namespace Reassess.Sources.Usage;

/// <summary>
/// Turns the model ids usage sources report into price keys, so that the same model reported by two sources (and
/// named in the workload) is one key: lower case, without the dated snapshot suffix (<c>gpt-4o-mini-2024-07-18</c> →
/// <c>gpt-4o-mini</c>, <c>claude-sonnet-4-20250514</c> → <c>claude-sonnet-4</c>), and an OpenAI fine-tune named by its
/// base (<c>ft:gpt-4o-mini-2024-07-18:org::id</c> → <c>ft:gpt-4o-mini</c>).
/// </summary>
public static partial class UsageModelKeys
{
    /// <summary>The model part of a key for usage not split by model: <c>openai/*</c>.</summary>
    public const string AllModels = "*";

    public static string For(string provider, string? model)
    {
        if (string.IsNullOrWhiteSpace(model)) return PriceKey.For(provider, AllModels);
        var id = model.Trim().ToLowerInvariant();
        if (id.StartsWith("ft:", StringComparison.Ordinal))
        {
            var colon = id.IndexOf(':', 3);
            id = "ft:" + Undated(colon < 0 ? id[3..] : id[3..colon]);
        }
        else
        {
            id = Undated(id);
        }

        return PriceKey.For(provider, id);
    }

    private static string Undated(string id) => Snapshot().Replace(id, "");

    [GeneratedRegex(@"-(\d{4}-\d{2}-\d{2}|\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex Snapshot();
}
