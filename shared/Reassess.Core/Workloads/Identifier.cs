namespace Reassess.Core.Workloads;

/// <summary>
/// What a name that identifies something (a workload id, a team, a cost centre) may be. These become storage keys and
/// report anchors and are compared by people, so beyond what storage forbids (<c>/ \ # ?</c>, control characters) an
/// identifier has no look-alikes: no surrounding whitespace, no invisible (zero-width) or direction-changing (bidi)
/// characters, no <c>.</c> or <c>..</c>, and at most <see cref="MaxLength"/> characters, which leaves keys made of
/// several identifiers, each escaped to at most three characters a character, within the 1 KiB a key may hold.
/// </summary>
public static class Identifier
{
    public const int MaxLength = 100;

    /// <summary>Why <paramref name="value"/> cannot identify something, or null when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "is required";
        if (value.Length > MaxLength) return $"is {value.Length} characters; at most {MaxLength}";
        if (value.Trim() != value) return $"'{FreeText.Shown(value)}' starts or ends with white space; remove it";
        if (value is "." or "..") return $"'{value}' is not a name";
        if (value.FirstOrDefault(c => c is '/' or '\\' or '#' or '?') is var bad and not '\0')
            return $"'{FreeText.Shown(value)}' contains '{bad}', which storage keys cannot hold";
        return FreeText.Hidden(value) is { } hidden ? $"'{FreeText.Shown(value)}' contains {hidden}; type the name without it" : null;
    }
}
