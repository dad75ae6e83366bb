namespace Reassess.Sources.Usage.Focus;

/// <summary>Which of the four non-overlapping token kinds a meter bills.</summary>
public enum TokenKind
{
    UncachedInput,
    CachedInput,
    CacheWrite,
    Output,
}

/// <summary>
/// What an Azure AI meter name says, since FOCUS has no model or token-kind column and Azure writes both into the
/// meter name, irregularly: <c>gpt-4o-mini-0718-Inp-glbl Tokens</c>, <c>gpt 4o mini 0718 cached Inp glbl Tokens</c>,
/// <c>GPT 5 Mini cchd Inpt DZone 1M Tokens</c>, <c>gpt 4.1 Batch Outp Data Zone Tokens</c>.
/// </summary>
/// <param name="Model">Price key, e.g. <c>azure/gpt-4o-mini</c> (snapshot codes such as <c>0718</c> dropped).</param>
/// <param name="BlockSize">Tokens per unit when the name states it (<c>1M Tokens</c>), else null.</param>
public sealed record AzureTokenMeter(string Model, TokenKind Kind, bool Batch, decimal? BlockSize)
{
    private static readonly HashSet<string> InputWords = ["inp", "inpt", "input"];
    private static readonly HashSet<string> OutputWords = ["outp", "outpt", "output", "out"];
    private static readonly HashSet<string> CachedWords = ["cached", "cchd", "cache"];
    private static readonly HashSet<string> WriteWords = ["write", "wrt", "creation"];

    // Deployment types and leftovers that name where or how, not what: dropped from the model.
    private static readonly HashSet<string> PlacementWords =
        ["glbl", "global", "regnl", "regional", "rgnl", "dzone", "datazone", "data", "zone", "ep", "rsng"];

    // A description may lead with the service: "Azure OpenAI - gpt-4o-mini-0718-Inp-glbl Tokens".
    private static readonly HashSet<string> ServiceWords = ["azure", "openai", "microsoft", "foundry"];

    /// <summary>The meter read, or null when the name is not a token meter (hosting hours, other services).</summary>
    public static AzureTokenMeter? Parse(string? meterName)
    {
        if (string.IsNullOrWhiteSpace(meterName)) return null;
        var words = meterName.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[^1] != "tokens") return null;

        bool input = false, output = false, cached = false, write = false, batch = false;
        decimal? block = null;
        var model = new List<string>();
        foreach (var word in words[..^1])
        {
            if (InputWords.Contains(word)) input = true;
            else if (OutputWords.Contains(word)) output = true;
            else if (CachedWords.Contains(word)) cached = true;
            else if (WriteWords.Contains(word)) write = true;
            else if (word == "batch") batch = true;
            else if (BlockSizeOf(word) is { } size) block = size;
            else if (PlacementWords.Contains(word) || IsSnapshotCode(word) || model.Count == 0 && ServiceWords.Contains(word)) continue;
            else model.Add(word);
        }

        // Exactly one direction: input (plain, cached or written to cache) or output.
        if (model.Count == 0 || output == (input || cached || write)) return null;
        var kind = output ? TokenKind.Output : write ? TokenKind.CacheWrite : cached ? TokenKind.CachedInput : TokenKind.UncachedInput;
        return new AzureTokenMeter($"azure/{string.Join('-', model)}", kind, batch, block);
    }

    /// <summary><c>1k</c>, <c>1m</c>, <c>1000</c>: how many tokens one unit of the meter is.</summary>
    public static decimal? BlockSizeOf(string word) => word switch
    {
        "1k" or "1000" => 1_000m,
        "1m" or "1000000" => 1_000_000m,
        _ => null,
    };

    // 0718, 0513, 1217: a model snapshot's month and day.
    private static bool IsSnapshotCode(string word) => word.Length == 4 && word.All(char.IsAsciiDigit);
}
