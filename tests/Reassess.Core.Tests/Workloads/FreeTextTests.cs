using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Workloads;

/// <summary>Text a person wrote (a workload's name) may say anything, but within a bound and without hidden characters.</summary>
public class FreeTextTests
{
    [Theory]
    [InlineData("Support ticket triage")]
    [InlineData("=SUM(A1)")]
    [InlineData("Rechnungen – Extraktion (DE)")]
    public void Any_visible_text_within_the_bound_is_accepted(string text)
    {
        Assert.Null(FreeText.Problem(text));
    }

    [Theory]
    [InlineData("Tagging\u0000", "contains a control character (U+0000); remove it")]
    [InlineData("Invoices \u202Eexe.txt", "contains a text-direction control character (U+202E); remove it")]
    [InlineData("Two\u2066isolates", "contains a text-direction control character (U+2066); remove it")]
    [InlineData("soft\u00ADhyphen", "contains an invisible character (U+00AD); remove it")]
    [InlineData("", "is required")]
    public void Hidden_characters_and_empty_text_are_refused(string text, string why)
    {
        Assert.Equal(why, FreeText.Problem(text));
    }

    [Fact]
    public void Text_over_its_bound_is_refused_with_its_length()
    {
        Assert.Equal("is 40000 characters; at most 200", FreeText.Problem(new string('n', 40_000)));
        Assert.Equal("is 257 characters; at most 256", FreeText.Problem(new string('v', 257), 256));
    }
}
