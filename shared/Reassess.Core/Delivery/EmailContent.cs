using System.Net;
using System.Text;

namespace Reassess.Core.Delivery;

/// <summary>
/// A message as e-mail: subject, an HTML body (inline styles only, as mail clients drop style sheets; every piece of
/// data HTML-encoded) and a plain-text body with the same content; the sender wraps them in a MIME alternative.
/// Lists show <see cref="MaxItemsPerSection"/> items and say how many more the report has.
/// </summary>
public sealed record EmailContent(string Subject, string Html, string Text)
{
    public const int MaxItemsPerSection = 25;

    private const string Font = "font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b";

    public static EmailContent Render(TeamDigest digest) => Render(DeliveryMessage.For(digest));

    public static EmailContent Render(FinanceDigest digest) => Render(DeliveryMessage.For(digest));

    public static EmailContent Render(DeliveryAlert alert, Uri? link) => Render(DeliveryMessage.For(alert, link));

    public static EmailContent Render(DeliveryMessage m) => new(MessageText.OneLine(m.Title), HtmlOf(m), TextOf(m));

    private static string HtmlOf(DeliveryMessage m)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html><body style=\"{Font}\">\n");
        html.Append($"<h1 style=\"font-size:20px\">{E(m.Title)}</h1>\n<p>{E(m.Summary)}</p>\n");
        html.Append("<table style=\"border-collapse:collapse\">\n");
        foreach (var f in m.Facts)
            html.Append($"<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">{E(f.Name)}</th><td style=\"padding:2px 0\">{E(f.Value)}</td></tr>\n");
        html.Append("</table>\n");
        var report = m.Links.FirstOrDefault()?.Url;
        foreach (var section in m.Sections)
        {
            html.Append($"<h2 style=\"font-size:16px;margin-top:20px\">{E(section.Heading)}</h2>\n");
            if (section.Items.Count == 0) html.Append($"<p style=\"color:#605e5c\">{E(section.WhenEmpty)}</p>\n");
            else html.Append("<ul>\n" + string.Concat(section.Items.Take(MaxItemsPerSection).Select(i => $"<li>{Item(i)}</li>\n")) + "</ul>\n");
            if (Hidden(section) is > 0 and var hidden)
            {
                var more = E(DeliveryMessage.More(hidden));
                html.Append($"<p style=\"color:#605e5c\">{(report is null ? more : $"<a href=\"{E(report.AbsoluteUri)}\">{more}</a>")}</p>\n");
            }
        }

        foreach (var link in m.Links)
            html.Append($"<p><a href=\"{E(link.Url.AbsoluteUri)}\" style=\"display:inline-block;padding:8px 14px;background:#0f6cbd;color:#ffffff;" +
                        $"text-decoration:none;border-radius:4px\">{E(link.Label)}</a></p>\n");
        return html.Append("</body></html>\n").ToString();

        static string Item(MessageItem i) =>
            i.Lead.Length == 0 ? E(i.Text) : $"<strong>{E(i.Lead)}</strong>{(i.Text.Length == 0 ? "" : ": " + E(i.Text))}";
    }

    private static string TextOf(DeliveryMessage m)
    {
        var text = new StringBuilder();
        text.Append(MessageText.OneLine(m.Title)).Append("\n\n").Append(MessageText.OneLine(m.Summary)).Append("\n\n");
        foreach (var f in m.Facts) text.Append($"{f.Name}: {MessageText.OneLine(f.Value)}\n");
        foreach (var section in m.Sections)
        {
            text.Append('\n').Append(section.Heading).Append('\n');
            if (section.Items.Count == 0) text.Append(section.WhenEmpty).Append('\n');
            foreach (var i in section.Items.Take(MaxItemsPerSection))
                text.Append("- ").Append(MessageText.OneLine(i.Lead.Length == 0 ? i.Text : i.Text.Length == 0 ? i.Lead : $"{i.Lead}: {i.Text}")).Append('\n');
            if (Hidden(section) is > 0 and var hidden) text.Append(DeliveryMessage.More(hidden)).Append('\n');
        }

        if (m.Links.Count > 0) text.Append('\n');
        foreach (var link in m.Links) text.Append($"{link.Label}: {link.Url.AbsoluteUri}\n");
        return text.ToString();
    }

    private static int Hidden(MessageSection section) => Math.Max(0, section.Items.Count - MaxItemsPerSection);

    private static string E(string? text) => WebUtility.HtmlEncode(MessageText.OneLine(text));
}
