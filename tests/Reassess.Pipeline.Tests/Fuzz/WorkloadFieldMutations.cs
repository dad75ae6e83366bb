namespace Reassess.Pipeline.Tests.Fuzz;

/// <summary>
/// Seeded hostile values for the text a workload carries (id, team, cost centre, name, match rules): lengths around
/// and far beyond the bounds, key-breaking and escaping characters, control, bidi and zero-width characters, white
/// space, dots, broken surrogates, and mixes of them. The same seed gives the same values.
/// </summary>
public static class WorkloadFieldMutations
{
    public static readonly string[] Fields = ["id", "team", "costCenter", "name", "usage.match.value"];

    private static readonly string[] Pieces =
    [
        "/", "\\", "#", "?", "|", "~", "%2F", "~2F", "'", "\"", "<script>", "=cmd", "..", ".", " ", "\t", "\r\n", "\u0000",
        "\u007F", "\u0085", "\u202E", "\u2066", "\u200F", "\u200B", "\uFEFF", "\u00AD", "\uD800", "\uDC00", "😀", "é", "Ω",
        "ticket-triage", "a", "-", "_",
    ];

    private static readonly int[] Lengths = [0, 1, 99, 100, 101, 200, 201, 256, 257, 600, 40_000];

    public static IEnumerable<(string Field, string Value)> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var field = Fields[random.Next(Fields.Length)];
            var value = random.Next(4) switch
            {
                0 => new string((char)random.Next('a', 'z' + 1), Lengths[random.Next(Lengths.Length)]),
                1 => Pieces[random.Next(Pieces.Length)],
                2 => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pieces[random.Next(Pieces.Length)])),
                _ => "w" + Pieces[random.Next(Pieces.Length)] + "x" + new string('/', random.Next(0, 300)),
            };
            yield return (field, value);
        }
    }
}
