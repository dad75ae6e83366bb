namespace Reassess.Core.Workloads;

/// <summary>
/// What free text a person wrote (a workload's name, a match value, a note) may hold: any printable text up to a
/// bound, but no control characters and no characters that hide or reorder what is shown (zero-width, bidi
/// overrides), which would make a report line read differently from what is stored.
/// </summary>
public static class FreeText
{
    /// <summary>Names and short text: one line of a report.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Why <paramref name="value"/> cannot be stored as text of at most <paramref name="maxLength"/> characters, or null.</summary>
    public static string? Problem(string? value, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return "is required";
        if (value.Length > maxLength) return $"is {value.Length} characters; at most {maxLength}";
        return Hidden(value) is { } hidden ? $"contains {hidden}; remove it" : null;
    }

    /// <summary>The first hidden character of <paramref name="value"/> described with its code point, or null.</summary>
    public static string? Hidden(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++; // a pair is one character (an emoji, say), shown as itself
                continue;
            }

            if (char.IsSurrogate(c)) return $"half of a character pair (U+{(int)c:X4}; the text's encoding is broken)";
            if (Unseen(c) is { } what) return $"{what} (U+{(int)c:X4})";
        }

        return null;
    }

    /// <summary>What kind of hidden character <paramref name="c"/> is, or null for a character that shows as itself.</summary>
    public static string? Unseen(char c) => c switch
    {
        _ when char.IsControl(c) => "a control character",
        '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => "a text-direction control character",
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => "an invisible character",
        _ => null,
    };

    /// <summary><paramref name="value"/> with its hidden characters written as <c>\uXXXX</c>, so a message shows what is wrong.</summary>
    public static string Shown(string value) =>
        string.Concat(value.Take(120).Select(c => Unseen(c) is null && !char.IsSurrogate(c) ? c.ToString() : $"\\u{(int)c:X4}")) + (value.Length > 120 ? "…" : "");
}
