using System.Text;
using System.Text.Json.Nodes;

namespace Reassess.Core.Delivery;

/// <summary>
/// The JSON body of a Slack incoming webhook: <c>text</c> (the fallback notifications show) and Block Kit blocks —
/// a header, the summary, the facts as fields, a divider, a section per list, and a button to the report. Slack refuses
/// a message over its limits (50 blocks, 3,000 characters a section, 150 a header, 10 fields of 2,000), so lists are
/// cut to fit and each cut list says in a context block how many more the report has. Text from data is escaped as
/// Slack requires (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>), so a name cannot mention a channel or make a link.
/// </summary>
public static class SlackMessage
{
    public const int MaxBlocks = 50;
    public const int MaxSectionChars = 3000;
    public const int MaxHeaderChars = 150;
    public const int MaxFields = 10;
    public const int MaxFieldChars = 2000;
    public const int MaxButtonChars = 75;
    public const int MaxItemsPerSection = 10;
    public const int MaxItemChars = 400;
    public const string ContentType = "application/json";

    public static string Render(TeamDigest digest) => Render(DeliveryMessage.For(digest));

    public static string Render(FinanceDigest digest) => Render(DeliveryMessage.For(digest));

    public static string Render(DeliveryAlert alert, Uri? link) => Render(DeliveryMessage.For(alert, link));

    public static string Render(DeliveryMessage m)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = Plain(MessageText.Clip(MessageText.OneLine(m.Title), MaxHeaderChars)) },
            Section(Mrkdwn(Fit(E(m.Summary), MaxSectionChars))),
        };
        foreach (var chunk in m.Facts.Chunk(MaxFields))
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. chunk.Select(f => (JsonNode)Mrkdwn(Fit($"*{E(f.Name)}*\n{E(f.Value)}", MaxFieldChars)))]),
            });
        blocks.Add(new JsonObject { ["type"] = "divider" });

        // Two blocks a list at most (its section and its "more" line), one kept for the button.
        foreach (var section in m.Sections.Where(_ => blocks.Count + 3 <= MaxBlocks))
        {
            var (text, shown) = List(section);
            blocks.Add(Section(Mrkdwn(text)));
            if (section.Items.Count > shown)
                blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(E(DeliveryMessage.More(section.Items.Count - shown)))) });
        }

        if (m.Links.Count > 0)
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray([.. m.Links.Select(l => (JsonNode)new JsonObject
                {
                    ["type"] = "button", ["text"] = Plain(MessageText.Clip(l.Label, MaxButtonChars)), ["url"] = l.Url.AbsoluteUri,
                })]),
            });

        var fallback = Fit(E($"{m.Title}: {m.Summary}"), MaxSectionChars);
        return new JsonObject { ["text"] = fallback, ["blocks"] = blocks }.ToJsonString();
    }

    /// <summary>Escapes what Slack reads as markup in any text: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>; line breaks become spaces.</summary>
    public static string E(string? text) =>
        MessageText.OneLine(text).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The list's mrkdwn: its heading and as many bullets as fit in one section, and how many it shows.</summary>
    private static (string Text, int Shown) List(MessageSection section)
    {
        var text = new StringBuilder($"*{E(section.Heading)}*");
        if (section.Items.Count == 0) text.Append('\n').Append(E(section.WhenEmpty));
        var shown = 0;
        foreach (var item in section.Items.Take(MaxItemsPerSection))
        {
            var lead = item.Lead.Length == 0 ? "" : $"*{E(MessageText.Clip(item.Lead, MaxItemChars))}*{(item.Text.Length == 0 ? "" : ": ")}";
            var line = $"\n\u2022 {lead}{E(MessageText.Clip(item.Text, MaxItemChars))}";
            if (text.Length + line.Length > MaxSectionChars) break;
            text.Append(line);
            shown++;
        }

        return (text.ToString(), shown);
    }

    /// <summary>Cuts escaped text to <paramref name="max"/> without splitting an entity such as <c>&amp;amp;</c>.</summary>
    private static string Fit(string escaped, int max)
    {
        if (escaped.Length <= max) return escaped;
        var cut = MessageText.Clip(escaped, max);
        var amp = cut.LastIndexOf('&');
        return amp >= 0 && cut.IndexOf(';', amp) < 0 ? cut[..amp] + MessageText.Ellipsis : cut;
    }

    private static JsonObject Section(JsonObject text) => new() { ["type"] = "section", ["text"] = text };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
