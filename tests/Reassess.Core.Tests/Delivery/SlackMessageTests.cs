using System.Text.Json;
using Reassess.Core.Delivery;
using Reassess.Core.Tests.Reporting;

namespace Reassess.Core.Tests.Delivery;

public class SlackMessageTests
{
    private static JsonElement Root(string json) => JsonDocument.Parse(json).RootElement;

    private static List<JsonElement> Blocks(string json) => [.. Root(json).GetProperty("blocks").EnumerateArray()];

    private static string Type(JsonElement block) => block.GetProperty("type").GetString()!;

    private static string SectionText(JsonElement block) => block.GetProperty("text").GetProperty("text").GetString()!;

    [Fact]
    public void A_teams_digest_is_header_summary_fields_divider_lists_and_a_button()
    {
        var json = SlackMessage.Render(DeliveryFixtures.Legal());
        var blocks = Blocks(json);

        Assert.Equal(["header", "section", "section", "divider", "section", "section", "section", "section", "actions"], blocks.Select(Type));
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("Reassess 2026-W48: legal", SectionText(blocks[0]));
        Assert.Equal("mrkdwn", blocks[1].GetProperty("text").GetProperty("type").GetString());
        Assert.StartsWith("2 workloads assessed as of 2026-11-23 06:00 UTC: 1 FineTune, 0 PrepareFineTune, 1 Route", SectionText(blocks[1]));
        var fields = blocks[2].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()).ToList();
        Assert.Contains("*FineTune*\n1", fields);
        Assert.Contains("*Baseline spend*\n$12,570.69/month", fields);
        Assert.Equal(
            "*Act on these (2)*\n\u2022 *Contract review*: Switch all calls to openai/gpt-4.1-mini: $77,725.20 net over 12 months, $6,477.10/month, payback 0.0 months\n" +
            "\u2022 *Clause tagging*: Fine-tune to self-hosted/llama-3.1-8b: $2,449.15 net over 12 months, $2,704.10/month, payback 11.1 months (fragile (margin 4.6%))",
            SectionText(blocks[5]));
        var button = Assert.Single(blocks[^1].GetProperty("elements").EnumerateArray());
        Assert.Equal("button", Type(button));
        Assert.Equal("Open the report", button.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal(DeliveryFixtures.ReportLink.AbsoluteUri, button.GetProperty("url").GetString());
        Assert.StartsWith("Reassess 2026-W48: legal: 2 workloads", Root(json).GetProperty("text").GetString());
    }

    [Fact]
    public void Hostile_names_are_escaped_as_slack_requires()
    {
        var blocks = Blocks(SlackMessage.Render(DeliveryFixtures.Search()));
        var all = string.Join("\n", blocks.Where(b => Type(b) == "section" && b.TryGetProperty("text", out _)).Select(SectionText));

        Assert.DoesNotContain("<script>", all);
        Assert.Contains("*&lt;script&gt;alert('x')&lt;/script&gt;*", all);
        Assert.Equal("a &amp;lt; b &lt;@U123&gt; &amp; c", SlackMessage.E("a &lt; b <@U123> & c"));
    }

    [Fact]
    public void A_team_of_300_workloads_stays_within_slacks_limits_and_says_how_many_more()
    {
        var blocks = Blocks(SlackMessage.Render(DeliveryFixtures.BigTeam()));

        Assert.True(blocks.Count <= SlackMessage.MaxBlocks);
        Assert.All(blocks.Where(b => Type(b) == "section" && b.TryGetProperty("text", out _)), b => Assert.True(SectionText(b).Length <= SlackMessage.MaxSectionChars));
        var more = blocks.Where(b => Type(b) == "context").Select(b => b.GetProperty("elements")[0].GetProperty("text").GetString()).ToList();
        Assert.Equal(4, more.Count);
        Assert.All(more, m => Assert.Equal("\u2026 and 290 more \u2014 see the report", m));
    }

    [Fact]
    public void Long_items_fill_a_section_up_to_3000_characters_and_count_the_rest()
    {
        var digest = DeliveryFixtures.BigTeam(20);
        var longGaps = digest with { EvidenceGaps = [.. digest.EvidenceGaps.Select(g => g with { Gaps = [new string('g', 1_000)] })] };

        var blocks = Blocks(SlackMessage.Render(longGaps));

        var gaps = blocks.Single(b => Type(b) == "section" && b.TryGetProperty("text", out _) && SectionText(b).StartsWith("*Evidence gaps", StringComparison.Ordinal));
        Assert.True(SectionText(gaps).Length <= SlackMessage.MaxSectionChars);
        Assert.Equal(6, SectionText(gaps).Split('\n').Length - 1);
        Assert.Contains(blocks, b => Type(b) == "context" && b.GetProperty("elements")[0].GetProperty("text").GetString() == "\u2026 and 14 more \u2014 see the report");
    }

    [Fact]
    public void A_long_title_is_cut_to_the_header_limit()
    {
        var message = new DeliveryMessage(new string('t', 400), "s", [], [], []);

        var header = Blocks(SlackMessage.Render(message))[0];

        Assert.Equal(SlackMessage.MaxHeaderChars, SectionText(header).Length);
        Assert.EndsWith("\u2026", SectionText(header));
    }

    [Fact]
    public void Finance_and_alerts_render_as_slack_messages_too()
    {
        var finance = Blocks(SlackMessage.Render(DeliveryFixtures.Finance()));
        Assert.Equal("Reassess 2026-W48: finance", SectionText(finance[0]));
        Assert.Equal(2, finance[^1].GetProperty("elements").GetArrayLength());

        var flip = DeliveryAlert.FromReassessment(ReportFixtures.RouteWithFlip())!;
        var alert = Blocks(SlackMessage.Render(flip, null));
        Assert.Equal("Verdict flip: Contract review", SectionText(alert[0]));
        Assert.Equal("Contract review (legal) changed verdict on reassessment: StayOnFrontier \u2192 Route.", SectionText(alert[1]));
        Assert.NotEqual("actions", Type(alert[^1]));
    }
}
