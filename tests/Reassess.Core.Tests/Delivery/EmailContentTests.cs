using Reassess.Core.Delivery;
using Reassess.Core.Tests.Reporting;

namespace Reassess.Core.Tests.Delivery;

public class EmailContentTests
{
    [Fact]
    public void A_teams_digest_has_a_subject_and_matching_html_and_text_bodies()
    {
        var mail = EmailContent.Render(DeliveryFixtures.Legal());

        Assert.Equal("Reassess 2026-W48: legal", mail.Subject);
        Assert.Contains("<h1 style=\"font-size:20px\">Reassess 2026-W48: legal</h1>", mail.Html);
        Assert.Contains("<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">Baseline spend</th><td style=\"padding:2px 0\">$12,570.69/month</td></tr>", mail.Html);
        Assert.Contains("<li><strong>Contract review</strong>: Switch all calls to openai/gpt-4.1-mini: $77,725.20 net over 12 months, $6,477.10/month, payback 0.0 months</li>", mail.Html);
        Assert.Contains($"<a href=\"{DeliveryFixtures.ReportLink.AbsoluteUri.Replace("&", "&amp;")}\"", mail.Html);
        Assert.StartsWith("Reassess 2026-W48: legal\n\n2 workloads assessed as of 2026-11-23 06:00 UTC", mail.Text);
        Assert.Contains("\nRoute: 1\n", mail.Text);
        Assert.Contains("\n- Contract review: Switch all calls to openai/gpt-4.1-mini: $77,725.20 net over 12 months", mail.Text);
        Assert.EndsWith($"Open the report: {DeliveryFixtures.ReportLink.AbsoluteUri}\n", mail.Text);
    }

    [Fact]
    public void Hostile_names_are_html_encoded()
    {
        var mail = EmailContent.Render(DeliveryFixtures.Search());

        Assert.DoesNotContain("<script>", mail.Html);
        Assert.Contains("<strong>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</strong>", mail.Html);
        Assert.Contains("- <script>alert('x')</script>: latency: no p95 measurements in the window", mail.Text);
    }

    [Fact]
    public void A_subject_never_carries_a_line_break()
    {
        var digest = DeliveryFixtures.Legal() with { Team = "legal\r\nBcc: someone@example.test" };

        Assert.Equal("Reassess 2026-W48: legal  Bcc: someone@example.test", EmailContent.Render(digest).Subject);
    }

    [Fact]
    public void A_big_team_lists_25_items_a_list_and_links_the_rest_to_the_report()
    {
        var mail = EmailContent.Render(DeliveryFixtures.BigTeam());

        Assert.Contains("\u2026 and 275 more \u2014 see the report</a>", mail.Html);
        Assert.Contains("\n\u2026 and 275 more \u2014 see the report\n", mail.Text);
        Assert.Equal(4 * EmailContent.MaxItemsPerSection, mail.Html.Split("<li>").Length - 1);
    }

    [Fact]
    public void Finance_and_alerts_render_as_mail_too()
    {
        var finance = EmailContent.Render(DeliveryFixtures.Finance());
        Assert.Equal("Reassess 2026-W48: finance", finance.Subject);
        Assert.Contains("Spend trend: $17,074.02 (W46) \u2192 $19,971.13 (W48), +17.0%\n", finance.Text);
        Assert.Contains($"Download finance.csv: {DeliveryFixtures.FinanceLink.AbsoluteUri}\n", finance.Text);

        var stale = DeliveryAlert.FromPriceRefresh(DeliveryFixtures.Alerts(), DeliveryFixtures.Latest(), DeliveryFixtures.Day)[1];
        var mail = EmailContent.Render(stale, DeliveryFixtures.ReportLink);
        Assert.Equal("Stale price source: genai-prices", mail.Subject);
        Assert.Contains("Prices from genai-prices have been old since 2026-11-01: pull failed: HTTP 503.", mail.Text);
        Assert.Contains("<li><strong>billing</strong></li>", mail.Html);
    }
}
