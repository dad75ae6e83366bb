using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reassess.Core.Prices;

/// <summary>
/// A long-context price: once a call's prompt is longer than <see cref="AboveTokens"/>, every token of the kind named by
/// <see cref="Price"/> costs <see cref="PerMTok"/> instead of the base price (the "cliff" model genai-prices, LiteLLM
/// <c>*_above_200k_tokens</c> and OpenRouter <c>overrides[].min_prompt_tokens</c> all describe).
/// </summary>
/// <param name="Price">Which base price the tier replaces, by its record name: <c>inputPerMTok</c>, <c>cachedInputPerMTok</c>, <c>cacheWritePerMTok</c> or <c>outputPerMTok</c>.</param>
/// <param name="AboveTokens">The prompt length, in tokens, beyond which the tier applies.</param>
/// <param name="PerMTok">USD per 1M tokens within the tier.</param>
public sealed record PriceTier(string Price, long AboveTokens, decimal PerMTok);

/// <summary>
/// A record's tiers, compared by value so that two records quoting the same tiers are the same price (a plain list
/// would compare by reference and make every refresh look like a change). Ordered by price, then threshold.
/// </summary>
[JsonConverter(typeof(PriceTiersJsonConverter))]
public sealed class PriceTiers : IReadOnlyList<PriceTier>, IEquatable<PriceTiers>
{
    private readonly PriceTier[] _tiers;

    public PriceTiers(IEnumerable<PriceTier> tiers) =>
        _tiers = tiers.OrderBy(t => t.Price, StringComparer.Ordinal).ThenBy(t => t.AboveTokens).ToArray();

    /// <summary>Null for no tiers, so that "no tiers" has one spelling.</summary>
    public static PriceTiers? Of(IEnumerable<PriceTier> tiers)
    {
        var list = new PriceTiers(tiers);
        return list.Count == 0 ? null : list;
    }

    public int Count => _tiers.Length;

    public PriceTier this[int index] => _tiers[index];

    public IEnumerator<PriceTier> GetEnumerator() => ((IEnumerable<PriceTier>)_tiers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PriceTiers? other) => other is not null && _tiers.SequenceEqual(other._tiers);

    public override bool Equals(object? obj) => Equals(obj as PriceTiers);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var tier in _tiers) hash.Add(tier);
        return hash.ToHashCode();
    }

    public static bool operator ==(PriceTiers? left, PriceTiers? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(PriceTiers? left, PriceTiers? right) => !(left == right);

    public override string ToString() => string.Join(", ", _tiers.Select(t => $"{t.Price} {t.PerMTok} above {t.AboveTokens:N0} tokens"));
}

/// <summary>Tiers travel as a plain JSON array of <c>{price, aboveTokens, perMTok}</c>.</summary>
public sealed class PriceTiersJsonConverter : JsonConverter<PriceTiers>
{
    public override PriceTiers? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<PriceTier>>(ref reader, options) is { } list ? new PriceTiers(list) : null;

    public override void Write(Utf8JsonWriter writer, PriceTiers value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), options);
}
