using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Workloads;

/// <summary>
/// Names that identify (workload ids, teams, cost centres) are storage keys and report anchors people compare by eye:
/// each look-alike, key-breaking or oversized one is refused saying what is wrong, and ordinary names pass.
/// </summary>
public class IdentifierTests
{
    [Theory]
    [InlineData("ticket-triage")]
    [InlineData("CC-1042")]
    [InlineData("équipe données")]
    [InlineData("a")]
    public void An_ordinary_name_identifies(string name)
    {
        Assert.Null(Identifier.Problem(name));
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("   ", "is required")]
    [InlineData("ticket-triage ", "'ticket-triage ' starts or ends with white space; remove it")]
    [InlineData(" ticket-triage", "' ticket-triage' starts or ends with white space; remove it")]
    [InlineData("ticket\u200Btriage", "'ticket\\u200Btriage' contains an invisible character (U+200B); type the name without it")]
    [InlineData("ticket\uFEFFtriage", "'ticket\\uFEFFtriage' contains an invisible character (U+FEFF); type the name without it")]
    [InlineData("abc\u202Eexe", "'abc\\u202Eexe' contains a text-direction control character (U+202E); type the name without it")]
    [InlineData("tab\there", "'tab\\u0009here' contains a control character (U+0009); type the name without it")]
    [InlineData("..", "'..' is not a name")]
    [InlineData("ops/platform", "'ops/platform' contains '/', which storage keys cannot hold")]
    [InlineData("a#b", "'a#b' contains '#', which storage keys cannot hold")]
    [InlineData("what?", "'what?' contains '?', which storage keys cannot hold")]
    [InlineData("back\\slash", "'back\\slash' contains '\\', which storage keys cannot hold")]
    public void A_name_that_is_empty_looks_like_another_or_breaks_a_key_is_refused_saying_why(string name, string why)
    {
        Assert.Equal(why, Identifier.Problem(name));
    }

    [Fact]
    public void A_name_longer_than_a_key_can_hold_after_escaping_is_refused()
    {
        Assert.Null(Identifier.Problem(new string('c', Identifier.MaxLength)));
        Assert.Equal("is 600 characters; at most 100", Identifier.Problem(new string('c', 600)));
    }
}
