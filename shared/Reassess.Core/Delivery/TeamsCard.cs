using System.Text;
using System.Text.Json.Nodes;

namespace Reassess.Core.Delivery;

/// <summary>
/// The JSON body a Teams Workflows webhook (or an incoming webhook) accepts: a message with one Adaptive Card 1.5.
/// Text from data goes in <c>RichTextBlock</c> text runs, which Teams shows as typed (no Markdown); the card's own
/// headings are <c>TextBlock</c>s. Teams refuses cards over 28 KB, so lists are cut (10 items each, then fewer) until the
/// body fits, each cut list saying how many more the report has; the action opens the report.
/// </summary>
public static class TeamsCard
{
    public const int MaxBytes = 28 * 1024;
    public const int MaxItemsPerSection = 10;
    public const int MaxItemChars = 400;
    public const string ContentType = "application/json";
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const string CardVersion = "1.5";

    public static string Render(TeamDigest digest) => Render(DeliveryMessage.For(digest));

    public static string Render(FinanceDigest digest) => Render(DeliveryMessage.For(digest));

    public static string Render(DeliveryAlert alert, Uri? link) => Render(DeliveryMessage.For(alert, link));

    public static string Render(DeliveryMessage message)
    {
        for (var shown = MaxItemsPerSection; ; shown /= 2)
        {
            var json = Message(Card(message, shown)).ToJsonString();
            if (shown == 0 || Encoding.UTF8.GetByteCount(json) <= MaxBytes) return json;
        }
    }

    private static JsonObject Message(JsonObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["contentUrl"] = null, ["content"] = card }),
    };

    private static JsonObject Card(DeliveryMessage m, int shown)
    {
        var body = new JsonArray
        {
            Rich(Run(m.Title, weight: "Bolder", size: "Large")),
            Rich(Run(m.Summary)),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. m.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Name, ["value"] = f.Value })]),
            },
        };
        foreach (var section in m.Sections)
        {
            body.Add(TextBlock(section.Heading, heading: true));
            if (section.Items.Count == 0) body.Add(TextBlock(section.WhenEmpty, subtle: true));
            foreach (var item in section.Items.Take(shown)) body.Add(Item(item));
            if (section.Items.Count > shown) body.Add(TextBlock(DeliveryMessage.More(section.Items.Count - shown), subtle: true));
        }

        return new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = CardVersion,
            ["body"] = body,
            ["actions"] = new JsonArray([.. m.Links.Select(l => (JsonNode)new JsonObject
            {
                ["type"] = "Action.OpenUrl", ["title"] = l.Label, ["url"] = l.Url.AbsoluteUri,
            })]),
        };
    }

    /// <summary>A <c>TextBlock</c> of the card's own wording: it may read Markdown, so no text from data goes here.</summary>
    private static JsonObject TextBlock(string text, bool heading = false, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (heading)
        {
            block["weight"] = "Bolder";
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        if (subtle) block["isSubtle"] = true;
        return block;
    }

    /// <summary><c>• lead: text</c>, the lead in bold, each part cut to <see cref="MaxItemChars"/>.</summary>
    private static JsonObject Item(MessageItem item)
    {
        var text = MessageText.Clip(MessageText.OneLine(item.Text), MaxItemChars);
        var lead = MessageText.Clip(MessageText.OneLine(item.Lead), MaxItemChars);
        if (lead.Length == 0) return Rich(Run("\u2022 " + text));
        return text.Length == 0
            ? Rich(Run("\u2022 "), Run(lead, weight: "Bolder"))
            : Rich(Run("\u2022 "), Run(lead, weight: "Bolder"), Run(": " + text));
    }

    /// <summary>A <c>RichTextBlock</c>: its runs are shown as typed, so names from data cannot format text or make links.</summary>
    private static JsonObject Rich(params JsonObject[] runs) =>
        new() { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray([.. runs]) };

    private static JsonObject Run(string text, string? weight = null, string? size = null)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = MessageText.OneLine(text) };
        if (weight is not null) run["weight"] = weight;
        if (size is not null) run["size"] = size;
        return run;
    }
}
