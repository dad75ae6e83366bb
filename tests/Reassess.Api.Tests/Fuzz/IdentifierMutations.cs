using Reassess.Core.Workloads;

namespace Reassess.Api.Tests.Fuzz;

/// <summary>The ways an identifier (a workload id, team, cost centre or name) is made hostile.</summary>
public enum IdentifierKind
{
    /// <summary>Past the 100 characters an identifier may have, up to a few thousand (a URL stays within the server's limit).</summary>
    VeryLong,

    /// <summary>A <c>/</c>, sent in a URL as <c>%2F</c>: a path separator in disguise.</summary>
    EncodedSlash,

    /// <summary>Percent-escapes as text (<c>%2F</c>, <c>%2E%2E</c>, <c>%00</c>), sent in a URL escaped once more.</summary>
    EscapedText,

    /// <summary>A control character: NUL, tab, line breaks, escape, DEL, NEL.</summary>
    Control,

    /// <summary>A text-direction control (right-to-left override <c>U+202E</c> and its kin).</summary>
    Bidi,

    /// <summary>An invisible character: zero-width space <c>U+200B</c>, joiners, word joiner, BOM, soft hyphen.</summary>
    ZeroWidth,

    /// <summary>Spaces (or a no-break space, a tab) before or after.</summary>
    SurroundingSpace,

    /// <summary><c>.</c>, <c>..</c>, or a path climbing out (<c>../x</c>, <c>x/..</c>).</summary>
    DotSegment,

    /// <summary>A character storage keys cannot hold: <c># ? \</c>.</summary>
    StorageForbidden,
}

/// <summary>One hostile identifier and how to replay it.</summary>
public sealed record FuzzIdentifier(int Seed, int Index, IdentifierKind Kind, string Value)
{
    public override string ToString() => $"seed {Seed}, id {Index} ({Kind}: '{FreeText.Shown(Value)}', {Value.Length:N0} characters)";
}

/// <summary>Seeded hostile identifiers made from a valid one.</summary>
public static class IdentifierMutations
{
    private static readonly string[] Escapes = ["%2F", "%2f", "%2E%2E", "%00", "%25", "%5C", "%23", "%3F"];
    private static readonly char[] Controls = ['\0', '\u0001', '\a', '\t', '\n', '\r', '\u001B', '\u007F', '\u0085'];
    private static readonly char[] Bidis = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    private static readonly char[] Invisibles = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
    private static readonly string[] Spaces = [" ", "  ", "\u00A0", "\t", "   "];
    private static readonly char[] Forbidden = ['#', '?', '\\'];

    public static IReadOnlyList<IdentifierKind> AllKinds { get; } = Enum.GetValues<IdentifierKind>();

    public static IEnumerable<FuzzIdentifier> Generate(string valid, int seed, int count)
    {
        for (var index = 0; index < count; index++) yield return Make(valid, seed, index, AllKinds[index % AllKinds.Count]);
    }

    public static FuzzIdentifier Make(string valid, int seed, int index, IdentifierKind kind)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index + 7_919));
        string Insert(string what) => valid.Insert(random.Next(valid.Length + 1), what);
        var value = kind switch
        {
            IdentifierKind.VeryLong => valid + new string("abcxyz-_019"[random.Next(11)], random.Next(Identifier.MaxLength + 1 - valid.Length, 3_000)),
            IdentifierKind.EncodedSlash => Insert("/"),
            IdentifierKind.EscapedText => Insert(Escapes[random.Next(Escapes.Length)]),
            IdentifierKind.Control => Insert(Controls[random.Next(Controls.Length)].ToString()),
            IdentifierKind.Bidi => Insert(Bidis[random.Next(Bidis.Length)].ToString()),
            IdentifierKind.ZeroWidth => Insert(Invisibles[random.Next(Invisibles.Length)].ToString()),
            IdentifierKind.SurroundingSpace => random.Next(2) == 0 ? valid + Spaces[random.Next(Spaces.Length)] : Spaces[random.Next(Spaces.Length)] + valid,
            IdentifierKind.DotSegment => random.Next(5) switch { 0 => ".", 1 => "..", 2 => "../" + valid, 3 => valid + "/..", _ => "./" + valid },
            _ => Insert(Forbidden[random.Next(Forbidden.Length)].ToString()),
        };
        return new FuzzIdentifier(seed, index, kind, value);
    }
}
