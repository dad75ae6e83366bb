using System.Text;

namespace Reassess.Sources.Tests.Fuzz;

public sealed class InputMutationsTests
{
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes(
        "{ \"prices\": [ { \"key\": \"openai/gpt-4o-mini\", \"inputPerMTok\": 0.15, \"note\": \"list\" },\n" +
        "  { \"key\": \"anthropic/claude-haiku-4-5\", \"inputPerMTok\": 1.00, \"outputPerMTok\": 5 } ] }\n");

    [Fact]
    public void The_same_seed_gives_the_same_mutants_and_one_mutant_replays_alone()
    {
        var first = InputMutations.Generate(Sample, seed: 42, count: 60).ToList();
        var second = InputMutations.Generate(Sample, seed: 42, count: 60).ToList();

        Assert.Equal(first.Select(m => (m.Kind, m.Change, Convert.ToHexString(m.Bytes))), second.Select(m => (m.Kind, m.Change, Convert.ToHexString(m.Bytes))));
        var replayed = InputMutations.Mutate(Sample, 42, 37, first[37].Kind);
        Assert.Equal(first[37].Bytes, replayed.Bytes);
        Assert.Equal("seed 42, mutant 37", replayed.ToString()[..18]);
    }

    [Fact]
    public void Another_seed_gives_other_mutants()
    {
        var first = InputMutations.Generate(Sample, seed: 42, count: 60).Select(m => Convert.ToHexString(m.Bytes)).ToList();
        var other = InputMutations.Generate(Sample, seed: 43, count: 60).Select(m => Convert.ToHexString(m.Bytes)).ToList();

        Assert.True(first.Zip(other).Count(p => p.First != p.Second) > 40, "most mutants should differ between seeds");
    }

    [Fact]
    public void Kinds_take_turns_so_each_gets_the_same_share()
    {
        var kinds = InputMutations.Generate(Sample, seed: 1, count: 3 * InputMutations.AllKinds.Count).Select(m => m.Kind).ToList();

        Assert.All(InputMutations.AllKinds, kind => Assert.Equal(3, kinds.Count(k => k == kind)));
    }

    [Fact]
    public void Huge_and_deep_mutants_are_as_big_and_as_deep_as_promised_and_bounded()
    {
        var huge = InputMutations.Mutate(Sample, 7, 0, MutationKind.Huge);
        var deep = Enumerable.Range(0, 8).Select(i => InputMutations.Mutate(Sample, 7, i, MutationKind.DeepNesting)).ToList();

        Assert.InRange(huge.Bytes.Length, 1024 * 1024, InputMutations.HugeBytes + 4096 + Sample.Length);
        Assert.All(deep, d => Assert.True(MaxDepth(d.Bytes) >= InputMutations.NestingDepth, d.ToString()));
    }

    [Fact]
    public void Encoding_mutants_are_not_UTF_8()
    {
        var latin1 = InputMutations.Mutate(Sample, 3, 0, MutationKind.Latin1);
        var invalid = InputMutations.Mutate(Sample, 3, 0, MutationKind.InvalidUtf8);
        var utf16 = InputMutations.Mutate(Sample, 3, 0, MutationKind.Utf16);

        Assert.False(System.Text.Unicode.Utf8.IsValid(latin1.Bytes), latin1.ToString());
        Assert.False(System.Text.Unicode.Utf8.IsValid(invalid.Bytes), invalid.ToString());
        // The sample is ASCII, so in UTF-16 or UTF-32 every other byte (or three in four) is a zero.
        Assert.True(utf16.Bytes.Count(b => b == 0) >= Sample.Length, utf16.ToString());
    }

    private static int MaxDepth(byte[] bytes)
    {
        int depth = 0, max = 0;
        foreach (var b in bytes)
        {
            if (b is (byte)'[' or (byte)'{') max = Math.Max(max, ++depth);
            else if (b is (byte)']' or (byte)'}') depth--;
        }

        return max;
    }
}
