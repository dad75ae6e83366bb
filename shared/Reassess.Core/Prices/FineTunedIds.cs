namespace Reassess.Core.Prices;

/// <summary>
/// Recognises fine-tuned model ids (<c>ft:gpt-4o-mini…</c>, <c>gpt-4.1-mini-ft</c>, <c>gpt-4o-mini-2024-07-18.ft-…</c>),
/// so that a name-matching rule written for a base model never prices a fine-tune at the base model's price, a mistake
/// seen in public price tools.
/// </summary>
public static class FineTunedIds
{
    public static bool IsFineTuned(string modelId)
    {
        var id = modelId.ToLowerInvariant();
        if (id.StartsWith("ft:", StringComparison.Ordinal) || id.Contains("/ft:", StringComparison.Ordinal)) return true;
        for (var at = id.IndexOf("ft", StringComparison.Ordinal); at >= 0; at = id.IndexOf("ft", at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? '-' : id[at - 1];
            var after = at + 2 >= id.Length ? '-' : id[at + 2];
            if (before is '-' or '.' or ':' or '_' && after is '-' or '.' or ':' or '_') return true;
        }

        return false;
    }
}
