using System.Text;

namespace Reassess.Core.Delivery;

/// <summary>Text from data made safe for a single line of a chat message or a mail header, and cut to a channel's limit.</summary>
internal static class MessageText
{
    public const char Ellipsis = '\u2026';

    /// <summary>Line breaks and tabs become spaces: a name with a newline must not start a new line (or a new mail header).</summary>
    public static string OneLine(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in text ?? "") builder.Append(char.IsControl(c) ? ' ' : c);
        return builder.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters, ending in … when cut; never splits a surrogate pair.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + Ellipsis;
    }
}
