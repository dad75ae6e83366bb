namespace Reassess.Core.Prices;

/// <summary>Canonical price keys: <c>provider/model</c>, lower case, trimmed.</summary>
public static class PriceKey
{
    public static string For(string provider, string model) => $"{Normalize(provider)}/{Normalize(model)}";

    public static string Normalize(string part) => part.Trim().ToLowerInvariant();

    /// <summary>Splits a key into provider and model; the model may itself contain slashes (e.g. OpenRouter ids).</summary>
    public static bool TryParse(string? key, out string provider, out string model)
    {
        provider = model = "";
        if (string.IsNullOrWhiteSpace(key)) return false;
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1) return false;
        provider = Normalize(key[..slash]);
        model = Normalize(key[(slash + 1)..]);
        return provider.Length > 0 && model.Length > 0;
    }
}
