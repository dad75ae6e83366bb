using System.Text;
using System.Text.Json;
using Reassess.Core.Delivery;
using Reassess.Core.Tests.Reporting;

namespace Reassess.Core.Tests.Delivery;

public class TeamsCardTests
{
    private static JsonElement Card(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        return attachment.GetProperty("content");
    }

    /// <summary>Each body element's text: a TextBlock's text, or a RichTextBlock's runs joined.</summary>
    private static List<string> Texts(JsonElement card) => card.GetProperty("body").EnumerateArray()
        .Where(e => e.GetProperty("type").GetString() is "TextBlock" or "RichTextBlock")
        .Select(e => e.TryGetProperty("text", out var t) ? t.GetString()! : string.Concat(e.GetProperty("inlines").EnumerateArray().Select(r => r.GetProperty("text").GetString())))
        .ToList();

    private static Dictionary<string, string> Facts(JsonElement card) => card.GetProperty("body").EnumerateArray()
        .Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray()
        .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);

    [Fact]
    public void A_teams_digest_is_an_adaptive_card_1_5_with_its_counts_flips_and_actions()
    {
        var card = Card(TeamsCard.Render(DeliveryFixtures.Legal()));

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        var texts = Texts(card);
        Assert.Equal("Reassess 2026-W48: legal", texts[0]);
        Assert.StartsWith("2 workloads assessed as of 2026-11-23 06:00 UTC: 1 FineTune, 0 PrepareFineTune, 1 Route, 0 StayOnFrontier.", texts[1]);
        Assert.Contains("\u2022 Contract review: Switch all calls to openai/gpt-4.1-mini: $77,725.20 net over 12 months, $6,477.10/month, payback 0.0 months", texts);
        Assert.Contains(texts, t => t.StartsWith("\u2022 Clause tagging: StayOnFrontier \u2192 FineTune, fragile flip (margin 4.6%): volume threshold NotMet", StringComparison.Ordinal));
        Assert.Contains("Flips this week (2)", texts);
        var facts = Facts(card);
        Assert.Equal("1", facts["FineTune"]);
        Assert.Equal("1", facts["Route"]);
        Assert.Equal("$12,570.69/month", facts["Baseline spend"]);
        Assert.Equal("$9,181.20/month", facts["Ready to act on"]);
    }

    [Fact]
    public void The_action_opens_the_report_link()
    {
        var action = Assert.Single(Card(TeamsCard.Render(DeliveryFixtures.Legal())).GetProperty("actions").EnumerateArray());

        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal("Open the report", action.GetProperty("title").GetString());
        Assert.Equal(DeliveryFixtures.ReportLink.AbsoluteUri, action.GetProperty("url").GetString());
    }

    [Fact]
    public void Workload_names_from_data_go_only_in_rich_text_runs_and_are_json_escaped()
    {
        var json = TeamsCard.Render(DeliveryFixtures.Search());
        var card = Card(json);

        Assert.DoesNotContain("<script>", json);
        var hostile = card.GetProperty("body").EnumerateArray().Single(e =>
            e.GetProperty("type").GetString() == "RichTextBlock" &&
            e.GetProperty("inlines").EnumerateArray().Any(r => r.GetProperty("text").GetString() == ReportFixtures.HostileName));
        Assert.Equal("Bolder", hostile.GetProperty("inlines")[1].GetProperty("weight").GetString());
        Assert.DoesNotContain(card.GetProperty("body").EnumerateArray(), e =>
            e.GetProperty("type").GetString() == "TextBlock" && e.GetProperty("text").GetString()!.Contains("script", StringComparison.Ordinal));
    }

    [Fact]
    public void A_team_of_300_workloads_stays_within_28_KB_and_says_how_many_more_the_report_has()
    {
        var json = TeamsCard.Render(DeliveryFixtures.BigTeam());

        Assert.True(Encoding.UTF8.GetByteCount(json) <= TeamsCard.MaxBytes, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        var texts = Texts(Card(json));
        Assert.Contains("Act on these (300)", texts);
        Assert.Contains("\u2026 and 290 more \u2014 see the report", texts);
        Assert.Equal(4, texts.Count(t => t == "\u2026 and 290 more \u2014 see the report"));
    }

    [Fact]
    public void Long_items_shrink_the_lists_until_the_card_fits()
    {
        var digest = DeliveryFixtures.BigTeam(40);
        var name = new string('n', 2_000);
        var longItems = digest with
        {
            Flips = [.. digest.Flips.Select(f => f with { WorkloadName = name, Drivers = [new string('d', 2_000)] })],
            Actions = [.. digest.Actions.Select(a => a with { WorkloadName = name })],
            Fragile = [.. digest.Fragile.Select(f => f with { WorkloadName = name })],
            EvidenceGaps = [.. digest.EvidenceGaps.Select(g => g with { WorkloadName = name, Gaps = [new string('g', 2_000)] })],
        };

        var json = TeamsCard.Render(longItems);

        Assert.True(Encoding.UTF8.GetByteCount(json) <= TeamsCard.MaxBytes);
        var texts = Texts(Card(json));
        Assert.Equal(4, texts.Count(t => t == "\u2026 and 35 more \u2014 see the report"));
        var flip = texts.First(t => t.Contains("ddd", StringComparison.Ordinal));
        Assert.StartsWith("\u2022 " + new string('n', TeamsCard.MaxItemChars - 1) + "\u2026: StayOnFrontier \u2192 Route, fragile flip (margin 5.0%): ddd", flip);
        Assert.EndsWith("d\u2026", flip);
        Assert.Equal(2 + TeamsCard.MaxItemChars + 2 + TeamsCard.MaxItemChars, flip.Length);
    }

    [Fact]
    public void Finance_and_alerts_render_as_cards_too()
    {
        var finance = Card(TeamsCard.Render(DeliveryFixtures.Finance()));
        Assert.Equal("Reassess 2026-W48: finance", Texts(finance)[0]);
        Assert.Equal("$19,971.13/month", Facts(finance)["Baseline spend"]);
        Assert.Equal(2, finance.GetProperty("actions").GetArrayLength());

        var alert = DeliveryAlert.FromPriceRefresh(DeliveryFixtures.Alerts(), DeliveryFixtures.Latest(), DeliveryFixtures.Day)[0];
        var card = Card(TeamsCard.Render(alert, DeliveryFixtures.ReportLink));
        Assert.Equal("Price alert: openai/gpt-4.1 input +150.0%", Texts(card)[0]);
        Assert.Equal("$2/1M (litellm)", Facts(card)["Before"]);
        Assert.Equal("$5/1M (litellm)", Facts(card)["After"]);
        Assert.Contains("\u2022 legal", Texts(card));
    }
}
