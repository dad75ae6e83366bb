namespace Reassess.Core.Delivery;

/// <summary>One line of a list: a bold lead (usually the workload) and the rest. Both are plain text from data; each rendering escapes them.</summary>
public sealed record MessageItem(string Lead, string Text);

/// <summary>A named list; each rendering shows as many items as fit and says how many more the report has.</summary>
public sealed record MessageSection(string Heading, IReadOnlyList<MessageItem> Items, string WhenEmpty);

/// <summary>A label and a figure (verdict counts, money): computed values, never free text from data.</summary>
public sealed record MessageFact(string Name, string Value);

public sealed record MessageLink(string Label, Uri Url);

/// <summary>
/// What a message says, before it is shaped for a channel: Teams, Slack and e-mail render this one form, so the three
/// never word the same digest differently. Everything is plain text; escaping is each rendering's job.
/// </summary>
public sealed record DeliveryMessage(
    string Title, string Summary, IReadOnlyList<MessageFact> Facts, IReadOnlyList<MessageSection> Sections, IReadOnlyList<MessageLink> Links)
{
    public static DeliveryMessage For(TeamDigest digest) => TeamDigestWording.Of(digest);

    public static DeliveryMessage For(FinanceDigest digest) => FinanceDigestWording.Of(digest);

    /// <param name="link">Where to read more (the report, or the workload's assessment); null for none.</param>
    public static DeliveryMessage For(DeliveryAlert alert, Uri? link) => AlertWording.Of(alert, link);

    /// <summary>The line under a cut list: <c>… and 290 more — see the report</c>.</summary>
    public static string More(int hidden) => $"\u2026 and {Reporting.ReportFormat.Count(hidden)} more \u2014 see the report";

    internal static IReadOnlyList<MessageLink> LinksOf(params (string Label, Uri? Url)[] links) =>
        [.. links.Where(l => l.Url is not null).Select(l => new MessageLink(l.Label, l.Url!))];
}
