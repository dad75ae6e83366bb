namespace Reassess.Core.Prices;

/// <summary>
/// Resolves the many names of one model to its canonical key, so that <c>claude-haiku-4-5</c>,
/// <c>anthropic/claude-haiku-4.5</c> and <c>claude-haiku-4-5-20251001</c> all price as <c>anthropic/claude-haiku-4-5</c>.
/// Two sources of knowledge, in this order: the company's alias table (an alias, bare model id or full key, mapped to
/// a key: explicit, so it wins) and model match rules (genai-prices' <c>match</c> clauses, per provider). A key that
/// is itself a rule's model stays as it is; a name nothing knows stays as it is.
/// </summary>
public sealed class PriceAliases
{
    private readonly Dictionary<string, string> _table = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ModelMatchRule>> _rulesByProvider = new(StringComparer.Ordinal);
    private readonly HashSet<string> _canonical = new(StringComparer.Ordinal);
    private readonly List<(string Provider, ModelMatch Models)> _providerModels = [];

    /// <param name="table">Alias (a bare model id or a <c>provider/model</c> key, any case) → canonical key.</param>
    /// <param name="rules">Model match rules, in the order they are tried (the first match wins, as in genai-prices).</param>
    /// <param name="providerModels">Which bare model ids each provider owns (genai-prices <c>model_match</c>, e.g. anthropic: contains 'claude'), to place an id given without its provider.</param>
    public PriceAliases(
        IEnumerable<KeyValuePair<string, string>>? table = null,
        IEnumerable<ModelMatchRule>? rules = null,
        IEnumerable<(string Provider, ModelMatch Models)>? providerModels = null)
    {
        foreach (var (alias, key) in table ?? [])
        {
            if (!PriceKey.TryParse(key, out var provider, out var model))
                throw new ArgumentException($"alias '{alias}' maps to '{key}', which is not a price key provider/model", nameof(table));
            _table[PriceKey.Normalize(alias)] = PriceKey.For(provider, model);
        }

        foreach (var rule in rules ?? [])
        {
            var provider = PriceKey.Normalize(rule.Provider);
            if (!_rulesByProvider.TryGetValue(provider, out var list)) _rulesByProvider[provider] = list = [];
            list.Add(rule);
            _canonical.Add(rule.Key);
        }

        foreach (var (provider, models) in providerModels ?? [])
            _providerModels.Add((PriceKey.Normalize(provider), models));
    }

    public static PriceAliases None { get; } = new();

    public int TableCount => _table.Count;

    public int RuleCount => _canonical.Count;

    /// <summary>The same table with more rules (e.g. the match rules of a genai-prices sheet read later).</summary>
    public PriceAliases WithRules(IEnumerable<ModelMatchRule> rules, IEnumerable<(string Provider, ModelMatch Models)>? providerModels = null) =>
        new(_table, _rulesByProvider.Values.SelectMany(r => r).Concat(rules), _providerModels.Concat(providerModels ?? []));

    /// <summary>The canonical key of <paramref name="name"/> (a key or a bare model id); the name itself, normalised, when nothing knows it.</summary>
    public string Resolve(string name) => TryResolve(name, out var key, out _) ? key : PriceKey.Normalize(name);

    /// <summary>True when the table or a rule knows <paramref name="name"/>; <paramref name="how"/> says which, for messages.</summary>
    public bool TryResolve(string name, out string key, out string how)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = PriceKey.Normalize(name);
        key = normalized;
        how = "";
        if (_table.TryGetValue(normalized, out var mapped))
        {
            (key, how) = (mapped, "the alias table");
            return true;
        }

        if (PriceKey.TryParse(normalized, out var provider, out var model))
        {
            // A bare alias also names the model under the provider it maps to (not under a reseller's prefix).
            if (_table.TryGetValue(model, out var bare) && bare.StartsWith(provider + "/", StringComparison.Ordinal))
            {
                (key, how) = (bare, "the alias table");
                return true;
            }

            if (_canonical.Contains(normalized)) return true;
            if (FirstRule(provider, model) is { } rule)
            {
                (key, how) = (rule.Key, $"match rule {rule.Match} of {rule.Key}");
                return true;
            }

            return false;
        }

        foreach (var (owner, models) in _providerModels)
        {
            if (!models.Matches(normalized) || FirstRule(owner, normalized) is not { } rule) continue;
            (key, how) = (rule.Key, $"match rule {rule.Match} of {rule.Key}");
            return true;
        }

        return false;
    }

    /// <summary>
    /// Re-keys one sheet's records to canonical keys. When several records of the sheet land on one key, the one already
    /// named by that key is kept (else the first) and the others are dropped with the reason, so one sheet still quotes
    /// one price per model.
    /// </summary>
    public (IReadOnlyList<PriceRecord> Records, IReadOnlyList<(PriceRecord Record, string Reason)> Dropped) Canonicalise(IReadOnlyList<PriceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var resolved = records.Select(r => (Original: r, Key: Resolve(r.Key))).ToList();
        var keep = resolved
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(r => r.Original.Key == g.Key).Original ?? g.First().Original, StringComparer.Ordinal);

        var kept = new List<PriceRecord>(records.Count);
        var dropped = new List<(PriceRecord, string)>();
        foreach (var (original, key) in resolved)
        {
            var winner = keep[key];
            if (!ReferenceEquals(winner, original))
            {
                dropped.Add((original, $"{original.Key} is another name of {key}, which this sheet already prices as {winner.Key}; that price is kept"));
                continue;
            }

            if (key == original.Key)
            {
                kept.Add(original);
                continue;
            }

            PriceKey.TryParse(key, out var provider, out var model);
            kept.Add(original with { Key = key, Provider = provider, Model = model });
        }

        return (kept, dropped);
    }

    /// <summary>
    /// The first rule of the provider that names <paramref name="model"/>. A rule never takes a fine-tuned id to a base
    /// model (genai-prices has <c>contains 'o4-mini'</c>, which <c>o4-mini-ft</c> also contains): that would price the
    /// fine-tune at the base model's price.
    /// </summary>
    private ModelMatchRule? FirstRule(string provider, string model)
    {
        if (!_rulesByProvider.TryGetValue(provider, out var rules)) return null;
        var fineTuned = FineTunedIds.IsFineTuned(model);
        return rules.FirstOrDefault(r => r.Match.Matches(model) && (!fineTuned || FineTunedIds.IsFineTuned(r.Model)));
    }
}
