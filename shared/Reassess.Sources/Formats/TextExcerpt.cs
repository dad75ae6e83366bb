using System.Globalization;

namespace Reassess.Sources.Formats;

/// <summary>
/// Quotes input in a message at a length a person reads. A damaged file can hold a cell, header or token megabytes long
/// (no separator where one was expected); quoted whole, it would bury the message and overflow the run record it is
/// stored in. The start is kept, and how long the whole was.
/// </summary>
public static class TextExcerpt
{
    public const int MaxLength = 120;

    /// <param name="max">The most characters kept; more for text that is a list (a header's column names).</param>
    public static string Of(string text, int max = MaxLength)
    {
        if (text.Length <= max) return text;
        // Never cut between the two halves of a surrogate pair.
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{text[..cut]}… ({text.Length:N0} characters)");
    }
}
