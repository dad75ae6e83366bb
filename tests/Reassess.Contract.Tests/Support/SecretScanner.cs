using System.Text.RegularExpressions;

namespace Reassess.Contract.Tests.Support;

/// <summary>A likely secret in a file: which rule matched, where, and an excerpt with the value masked.</summary>
public sealed record SecretFinding(string File, int Line, string Rule, string Excerpt)
{
    public override string ToString() => $"{File}:{Line}: {Rule}: {Excerpt}";
}

/// <summary>
/// Finds what must never be committed: storage connection strings with a key, account keys, SAS tokens, Application
/// Insights instrumentation keys in connection strings, private keys, passwords, provider API keys and long
/// base64 secrets. <c>UseDevelopmentStorage=true</c> (Azurite, no key) is allowed.
/// </summary>
public static class SecretScanner
{
    /// <summary>Text allowed wherever it appears, with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>
    {
        ["UseDevelopmentStorage=true"] = "Azurite's well-known local account; carries no key",
    };

    private static readonly (string Rule, Regex Pattern)[] Rules =
    [
        ("storage connection string with a key", new(@"DefaultEndpointsProtocol=[^""'\s]*AccountKey=[^;""'\s]+", RegexOptions.IgnoreCase)),
        ("account key", new(@"\bAccountKey\s*=\s*[^;""'\s]+", RegexOptions.IgnoreCase)),
        ("shared access signature", new(@"\bSharedAccess(?:Signature|Key)\s*=\s*[^;""'\s]+", RegexOptions.IgnoreCase)),
        ("SAS token", new(@"(?:^|[?&;""'\s])sig=[A-Za-z0-9%+/=]{10,}", RegexOptions.IgnoreCase)),
        ("instrumentation key", new(@"\bInstrumentationKey\s*=\s*[0-9a-f]{8}-?[0-9a-f]{4}", RegexOptions.IgnoreCase)),
        ("private key", new(@"-----BEGIN[A-Z0-9 ]*-----")),
        ("password", new(@"[""']?\b(?:password|passwd|pwd)\b[""']?\s*:\s*[""'][^""']+[""']", RegexOptions.IgnoreCase)),
        ("password in a connection string", new(@"\b(?:password|pwd)\s*=\s*[^;""'\s]+", RegexOptions.IgnoreCase)),
        ("provider API key", new(@"\bsk-(?:ant-|admin-|proj-|svcacct-)?[A-Za-z0-9_-]{20,}")),
        ("long base64 secret", new(@"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=_-])")),
    ];

    public static IReadOnlyList<SecretFinding> Scan(string file, string text)
    {
        foreach (var allowed in Allowed.Keys)
            text = text.Replace(allowed, new string(' ', allowed.Length), StringComparison.OrdinalIgnoreCase);

        var findings = new List<SecretFinding>();
        foreach (var (rule, pattern) in Rules)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (rule == "long base64 secret" && !LooksRandom(text, match)) continue;
                var line = 1 + text.AsSpan(0, match.Index).Count('\n');
                findings.Add(new SecretFinding(file, line, rule, Masked(match.Value.Trim())));
            }
        }

        return findings;
    }

    /// <summary>
    /// A base64 run is taken for a secret when it mixes upper case, lower case and digits (keys do; words, paths and
    /// hex digests do not) and is not a package integrity hash (<c>sha512-…</c> in package-lock.json).
    /// </summary>
    private static bool LooksRandom(string text, Match match)
    {
        var value = match.Value;
        if (!value.Any(char.IsAsciiLetterUpper) || !value.Any(char.IsAsciiLetterLower) || !value.Any(char.IsAsciiDigit)) return false;
        var before = text[Math.Max(0, match.Index - 8)..match.Index];
        return !Regex.IsMatch(before, @"sha(?:1|256|384|512)-$");
    }

    private static string Masked(string value) => value.Length <= 12 ? value[..Math.Min(4, value.Length)] + "…" : value[..10] + "…(" + value.Length + " chars)";
}
