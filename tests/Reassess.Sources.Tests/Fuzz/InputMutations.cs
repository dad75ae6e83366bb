using System.Text;

namespace Reassess.Sources.Tests.Fuzz;

/// <summary>The ways <see cref="InputMutations"/> breaks an input.</summary>
public enum MutationKind
{
    /// <summary>Nothing, blanks, a lone byte-order mark, or a tiny document of the wrong shape (<c>null</c>, <c>[]</c>).</summary>
    Empty,

    /// <summary>Cut off at a random point, as a download that stopped early.</summary>
    Truncate,

    /// <summary>A few bytes overwritten or bit-flipped.</summary>
    FlipBytes,

    /// <summary>A few runs of random bytes put in, most next to a separator or quote.</summary>
    InsertBytes,

    /// <summary>A slice taken out.</summary>
    DropChunk,

    /// <summary>One chunk repeated until the input is megabytes long (bounded by <see cref="InputMutations.HugeBytes"/>).</summary>
    Huge,

    /// <summary>Arrays or objects nested <see cref="InputMutations.NestingDepth"/> deep, as the whole input or spliced in.</summary>
    DeepNesting,

    /// <summary>The text re-encoded as UTF-16 or UTF-32, with or without a byte-order mark.</summary>
    Utf16,

    /// <summary>Accented letters put in, then the text encoded as Latin-1 (so they are not UTF-8).</summary>
    Latin1,

    /// <summary>Byte sequences that are not UTF-8 (overlong, lone continuation, encoded surrogates) put in, most just inside a quote.</summary>
    InvalidUtf8,

    /// <summary>JSON escapes that do not make text (<c>\ud800</c> alone, <c>\u12</c>, <c>\x41</c>) put in just inside a quote.</summary>
    BadEscape,

    /// <summary>Random bytes, random printable text or a soup of JSON and CSV punctuation, instead of the input.</summary>
    RandomBytes,

    /// <summary>Byte-order marks where they do not belong: doubled, of another encoding, mid-file.</summary>
    Bom,

    /// <summary>A number replaced with one out of range of decimal or long, <c>NaN</c>, <c>-0</c> or <c>1e-400</c>.</summary>
    ExtremeNumber,

    /// <summary>Two or three of the small byte-level mutations one after the other.</summary>
    Stacked,
}

/// <summary>One mutated input, with what it takes to replay it: the seed, its index and what was done.</summary>
public sealed record Mutant(int Seed, int Index, MutationKind Kind, string Change, byte[] Bytes)
{
    public override string ToString() => $"seed {Seed}, mutant {Index} ({Kind}: {Change}; {Bytes.Length:N0} bytes)";
}

/// <summary>
/// A small seeded mutation engine for fuzzing readers and request bodies. The same sample, seed and index always give
/// the same bytes (<see cref="Random"/> with a seed is stable across runs and machines), so a failure printed as
/// "seed S, mutant I" is replayed with <see cref="Mutate"/>. Kinds take turns, so every kind gets the same share.
/// </summary>
public static class InputMutations
{
    /// <summary>The most bytes a <see cref="MutationKind.Huge"/> input grows to, so a fuzz run stays within memory and time.</summary>
    public const int HugeBytes = 4 * 1024 * 1024;

    public const int NestingDepth = 10_000;

    public static IReadOnlyList<MutationKind> AllKinds { get; } = Enum.GetValues<MutationKind>();

    private static readonly byte[][] InvalidSequences =
    [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE2, 0x82], [0xE0, 0x80, 0xAF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF0, 0x9F],
    ];

    private static readonly string[] BadEscapes = [@"\ud800", @"\udfff", @"\ud83dA", @"\ud83d\u0041", @"\udc00\ud800", @"\u12", @"\u", @"\x41", @"\'", @"\", @"\uZZZZ"];

    private static readonly string[] ExtremeNumbers =
    [
        "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "-79228162514264337593543950336", "7.9e28", "1E+28",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "0.00000000000000000000000000000001",
        "1e+2147483648", "-0", "00012", "NaN", "Infinity", "-1", "1e28", "99999999999999999999999999999999999999",
    ];

    private static readonly string[] TinyInputs = ["", " ", "\r\n\r\n", "\uFEFF", "null", "[]", "{}", "\"\"", "0", "[null]", "[[]]", "[{}]", "{\"\":{}}", ",", "\"", "\n,\n"];

    private static readonly string[] Latin1Letters = ["é", "ü", "ß", "°", "±", "©", "ñ", "Å", "½", "€"];

    private static readonly byte[] Structural = "\"',:;{}[]\r\n\t\\ 0-.eE"u8.ToArray();

    /// <summary>
    /// <paramref name="count"/> mutants of <paramref name="sample"/>, the kinds taking turns in the order of
    /// <paramref name="kinds"/> (all kinds when null).
    /// </summary>
    public static IEnumerable<Mutant> Generate(byte[] sample, int seed, int count, IReadOnlyList<MutationKind>? kinds = null)
    {
        kinds ??= AllKinds;
        for (var index = 0; index < count; index++) yield return Mutate(sample, seed, index, kinds[index % kinds.Count]);
    }

    /// <summary>The one mutant of <paramref name="sample"/> for this seed, index and kind: how a failure is replayed.</summary>
    public static Mutant Mutate(byte[] sample, int seed, int index, MutationKind kind)
    {
        // One generator per mutant, seeded from both numbers, so a mutant does not depend on the ones before it.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var (change, bytes) = Apply(kind, sample, random);
        return new Mutant(seed, index, kind, change, bytes);
    }

    public static (string Change, byte[] Bytes) Apply(MutationKind kind, byte[] sample, Random random) => kind switch
    {
        MutationKind.Empty => Empty(random),
        MutationKind.Truncate => Truncate(sample, random),
        MutationKind.FlipBytes => FlipBytes(sample, random),
        MutationKind.InsertBytes => InsertBytes(sample, random),
        MutationKind.DropChunk => DropChunk(sample, random),
        MutationKind.Huge => Huge(sample, random, Math.Min(HugeBytes, Math.Max(sample.Length * 2, random.Next(1, 4) * 1024 * 1024))),
        MutationKind.DeepNesting => DeepNesting(sample, random),
        MutationKind.Utf16 => Utf16(sample, random),
        MutationKind.Latin1 => Latin1(sample, random),
        MutationKind.InvalidUtf8 => InvalidUtf8(sample, random),
        MutationKind.BadEscape => BadEscape(sample, random),
        MutationKind.RandomBytes => RandomBytes(random),
        MutationKind.Bom => Bom(sample, random),
        MutationKind.ExtremeNumber => ExtremeNumber(sample, random),
        MutationKind.Stacked => Stacked(sample, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static (string, byte[]) Empty(Random random)
    {
        var text = TinyInputs[random.Next(TinyInputs.Length)];
        return ($"replaced by {Visible(text)}", Encoding.UTF8.GetBytes(text));
    }

    public static (string, byte[]) Truncate(byte[] sample, Random random)
    {
        if (sample.Length == 0) return ("nothing to cut", []);
        // Half the cuts fall in the last tenth: a file cut off near its end looks almost whole.
        var at = random.Next(2) == 0 ? random.Next(sample.Length) : sample.Length - 1 - random.Next(Math.Max(1, sample.Length / 10));
        return ($"cut at byte {at:N0} of {sample.Length:N0}", sample[..at]);
    }

    public static (string, byte[]) FlipBytes(byte[] sample, Random random)
    {
        if (sample.Length == 0) return ("nothing to flip", []);
        var bytes = (byte[])sample.Clone();
        var changes = new List<string>();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            var at = random.Next(bytes.Length);
            var was = bytes[at];
            bytes[at] = random.Next(2) == 0 ? (byte)(was ^ (1 << random.Next(8))) : (byte)random.Next(256);
            changes.Add($"{at}:{was:X2}→{bytes[at]:X2}");
        }

        return ($"bytes {string.Join(", ", changes)}", bytes);
    }

    public static (string, byte[]) InsertBytes(byte[] sample, Random random)
    {
        var bytes = new List<byte>(sample);
        var changes = new List<string>();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            var at = NearStructure(bytes, random);
            var run = new byte[random.Next(1, 17)];
            for (var i = 0; i < run.Length; i++) run[i] = random.Next(2) == 0 ? Structural[random.Next(Structural.Length)] : (byte)random.Next(256);
            bytes.InsertRange(at, run);
            changes.Add($"{at}:+{Convert.ToHexString(run)}");
        }

        return ($"inserted {string.Join(", ", changes)}", bytes.ToArray());
    }

    public static (string, byte[]) DropChunk(byte[] sample, Random random)
    {
        if (sample.Length == 0) return ("nothing to drop", []);
        var at = random.Next(sample.Length);
        var length = random.Next(1, Math.Min(sample.Length - at, 4096) + 1);
        return ($"dropped bytes {at:N0}..{at + length:N0}", [.. sample[..at], .. sample[(at + length)..]]);
    }

    /// <summary>A chunk of the sample (a line, or a random slice) repeated in place until the input is at least <paramref name="atLeast"/> bytes.</summary>
    public static (string, byte[]) Huge(byte[] sample, Random random, int atLeast)
    {
        byte[] chunk;
        int at;
        if (sample.Length == 0)
        {
            chunk = "x,"u8.ToArray();
            at = 0;
        }
        else
        {
            at = random.Next(sample.Length);
            var lineEnd = Array.IndexOf(sample, (byte)'\n', at);
            var length = random.Next(2) == 0 && lineEnd >= 0 ? lineEnd - at + 1 : random.Next(1, Math.Min(sample.Length - at, 4096) + 1);
            chunk = sample[at..(at + length)];
        }

        var copies = Math.Max(1, (atLeast - sample.Length) / chunk.Length + 1);
        using var buffer = new MemoryStream(sample.Length + (copies * chunk.Length));
        buffer.Write(sample, 0, at);
        for (var i = 0; i < copies; i++) buffer.Write(chunk);
        buffer.Write(sample, at, sample.Length - at);
        return ($"{chunk.Length:N0}-byte chunk at {at:N0} repeated {copies:N0} times", buffer.ToArray());
    }

    /// <summary>The whole input replaced by, or a value spliced with, arrays or objects <see cref="NestingDepth"/> deep (closed or not).</summary>
    public static (string, byte[]) DeepNesting(byte[] sample, Random random)
    {
        var objects = random.Next(2) == 0;
        var closed = random.Next(4) != 0;
        var open = objects ? "{\"a\":" : "[";
        var close = objects ? "}" : "]";
        var nest = new StringBuilder(NestingDepth * (open.Length + 1) + 1).Insert(0, open, NestingDepth).Append('1');
        if (closed) nest.Insert(nest.Length, close, NestingDepth);
        var nested = Encoding.UTF8.GetBytes(nest.ToString());
        var what = $"{(objects ? "objects" : "arrays")} {NestingDepth:N0} deep{(closed ? "" : ", never closed")}";

        var colons = Positions(sample, (byte)':');
        if (random.Next(2) == 0 || colons.Count == 0) return ($"{what} as the whole input", nested);
        var at = colons[random.Next(colons.Count)] + 1;
        return ($"{what} spliced in after the ':' at byte {at:N0}", [.. sample[..at], .. nested, .. sample[at..]]);
    }

    public static (string, byte[]) Utf16(byte[] sample, Random random)
    {
        var text = Encoding.UTF8.GetString(sample);
        var (name, encoding) = random.Next(5) switch
        {
            0 => ("UTF-16 LE", (Encoding)new UnicodeEncoding(bigEndian: false, byteOrderMark: true)),
            1 => ("UTF-16 BE", new UnicodeEncoding(bigEndian: true, byteOrderMark: true)),
            2 => ("UTF-32 LE", new UTF32Encoding(bigEndian: false, byteOrderMark: true)),
            3 => ("UTF-16 LE", new UnicodeEncoding(bigEndian: false, byteOrderMark: false)),
            _ => ("UTF-16 BE", new UnicodeEncoding(bigEndian: true, byteOrderMark: false)),
        };
        var withMark = encoding.GetPreamble().Length > 0;
        return ($"re-encoded as {name}{(withMark ? " with" : " without")} a byte-order mark", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
    }

    public static (string, byte[]) Latin1(byte[] sample, Random random)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(sample));
        var added = new List<string>();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var letter = Latin1Letters[random.Next(Latin1Letters.Length)];
            var at = AfterQuote(text, random);
            text.Insert(at, letter);
            added.Add($"{letter}@{at}");
        }

        return ($"added {string.Join(", ", added)} and encoded as Latin-1", Encoding.Latin1.GetBytes(text.ToString()));
    }

    public static (string, byte[]) InvalidUtf8(byte[] sample, Random random)
    {
        var bytes = new List<byte>(sample);
        var changes = new List<string>();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var sequence = InvalidSequences[random.Next(InvalidSequences.Length)];
            var at = random.Next(4) == 0 ? random.Next(bytes.Count + 1) : AfterQuote(bytes, random);
            bytes.InsertRange(at, sequence);
            changes.Add($"{Convert.ToHexString(sequence)}@{at}");
        }

        return ($"inserted {string.Join(", ", changes)}", bytes.ToArray());
    }

    public static (string, byte[]) BadEscape(byte[] sample, Random random)
    {
        var bytes = new List<byte>(sample);
        var escape = BadEscapes[random.Next(BadEscapes.Length)];
        var at = AfterQuote(bytes, random);
        bytes.InsertRange(at, Encoding.ASCII.GetBytes(escape));
        return ($"inserted {escape} at byte {at:N0}", bytes.ToArray());
    }

    public static (string, byte[]) RandomBytes(Random random)
    {
        var length = random.Next(4) switch { 0 => random.Next(16), 1 => random.Next(1024), 2 => random.Next(64 * 1024), _ => random.Next(256 * 1024) };
        var bytes = new byte[length];
        switch (random.Next(3))
        {
            case 0:
                random.NextBytes(bytes);
                return ($"{length:N0} random bytes", bytes);
            case 1:
                for (var i = 0; i < length; i++) bytes[i] = (byte)random.Next(0x20, 0x7F);
                return ($"{length:N0} random printable characters", bytes);
            default:
                for (var i = 0; i < length; i++) bytes[i] = Structural[random.Next(Structural.Length)];
                return ($"{length:N0} bytes of JSON and CSV punctuation", bytes);
        }
    }

    public static (string, byte[]) Bom(byte[] sample, Random random)
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF];
        return random.Next(5) switch
        {
            0 => ("two UTF-8 byte-order marks", [.. utf8, .. utf8, .. sample]),
            1 => ("a UTF-16 LE byte-order mark on UTF-8 text", [0xFF, 0xFE, .. sample]),
            2 => ("a UTF-16 BE byte-order mark on UTF-8 text", [0xFE, 0xFF, .. sample]),
            3 => ("a UTF-32 LE byte-order mark on UTF-8 text", [0xFF, 0xFE, 0x00, 0x00, .. sample]),
            _ => MidFileBom(sample, random, utf8),
        };
    }

    public static (string, byte[]) ExtremeNumber(byte[] sample, Random random)
    {
        var bytes = new List<byte>(sample);
        var numbers = NumberTokens(sample);
        if (numbers.Count == 0) return ("no number to replace", sample);
        var changes = new List<string>();
        // From the last chosen to the first, so earlier positions stay right as the list changes length.
        var chosen = Enumerable.Range(0, random.Next(1, 4)).Select(_ => numbers[random.Next(numbers.Count)]).Distinct().OrderByDescending(n => n.Start);
        foreach (var (start, length) in chosen)
        {
            var value = ExtremeNumbers[random.Next(ExtremeNumbers.Length)];
            changes.Add($"{Encoding.ASCII.GetString(sample, start, length)}@{start}→{value}");
            bytes.RemoveRange(start, length);
            bytes.InsertRange(start, Encoding.ASCII.GetBytes(value));
        }

        return ($"numbers {string.Join(", ", changes)}", bytes.ToArray());
    }

    public static (string, byte[]) Stacked(byte[] sample, Random random)
    {
        MutationKind[] small = [MutationKind.Truncate, MutationKind.FlipBytes, MutationKind.InsertBytes, MutationKind.DropChunk, MutationKind.InvalidUtf8, MutationKind.ExtremeNumber, MutationKind.Bom];
        var bytes = sample;
        var steps = new List<string>();
        for (var n = random.Next(2, 4); n > 0; n--)
        {
            var kind = small[random.Next(small.Length)];
            (var change, bytes) = Apply(kind, bytes, random);
            steps.Add($"{kind} ({change})");
        }

        return (string.Join(" then ", steps), bytes);
    }

    private static (string, byte[]) MidFileBom(byte[] sample, Random random, byte[] utf8)
    {
        var at = random.Next(sample.Length + 1);
        return ($"a UTF-8 byte-order mark at byte {at:N0}", [.. sample[..at], .. utf8, .. sample[at..]]);
    }

    /// <summary>A position just after a quote (inside a string or quoted cell, for text in the usual shape), else anywhere.</summary>
    private static int AfterQuote(IReadOnlyList<byte> bytes, Random random)
    {
        var quotes = Positions(bytes, (byte)'"');
        return quotes.Count == 0 ? random.Next(bytes.Count + 1) : quotes[random.Next(quotes.Count)] + 1;
    }

    private static int AfterQuote(StringBuilder text, Random random)
    {
        var quotes = new List<int>();
        for (var i = 0; i < text.Length; i++)
            if (text[i] is '"' or ',')
                quotes.Add(i);
        return quotes.Count == 0 ? random.Next(text.Length + 1) : quotes[random.Next(quotes.Count)] + 1;
    }

    /// <summary>Next to a separator or quote two times in three (where parsers change state), anywhere otherwise.</summary>
    private static int NearStructure(List<byte> bytes, Random random)
    {
        var at = random.Next(bytes.Count + 1);
        if (random.Next(3) == 0) return at;
        for (var i = at; i < bytes.Count; i++)
            if (Array.IndexOf(Structural, bytes[i]) >= 0 && bytes[i] is not ((byte)' ' or (byte)'0'))
                return i;
        return at;
    }

    private static List<int> Positions(IReadOnlyList<byte> bytes, byte value)
    {
        var found = new List<int>();
        for (var i = 0; i < bytes.Count; i++)
            if (bytes[i] == value)
                found.Add(i);
        return found;
    }

    /// <summary>Where numbers are written: a run of digits, sign, point and exponent that starts with a sign or digit after a non-word byte.</summary>
    private static List<(int Start, int Length)> NumberTokens(byte[] bytes)
    {
        var found = new List<(int, int)>();
        for (var i = 0; i < bytes.Length; i++)
        {
            var starts = (char.IsAsciiDigit((char)bytes[i]) || (bytes[i] == '-' && i + 1 < bytes.Length && char.IsAsciiDigit((char)bytes[i + 1])))
                         && (i == 0 || !(char.IsAsciiLetterOrDigit((char)bytes[i - 1]) || bytes[i - 1] is (byte)'.' or (byte)'-' or (byte)'_'));
            if (!starts) continue;
            var end = i + 1;
            while (end < bytes.Length && (char.IsAsciiDigit((char)bytes[end]) || bytes[end] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-')) end++;
            found.Add((i, end - i));
            i = end;
        }

        return found;
    }

    private static string Visible(string text) => text.Length == 0 ? "nothing" : $"'{text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\uFEFF", "BOM")}'";
}
