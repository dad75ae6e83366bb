using System.Text.RegularExpressions;
using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

public class HtmlReportTests
{
    private static readonly string Html = Text(File(WeeklyReportRenderer.Render(Report()), "index.html"));

    private static List<(int Level, string Text)> Headings() =>
        Regex.Matches(Html, @"<h([1-6])>(.*?)</h\1>", RegexOptions.Singleline)
            .Select(m => (int.Parse(m.Groups[1].Value), m.Groups[2].Value))
            .ToList();

    [Fact]
    public void Page_is_html5_with_exactly_one_h1_naming_the_week()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", Html);
        Assert.Single(Regex.Matches(Html, "<h1[ >]"));
        Assert.Contains("<h1>Reassess weekly report 2026-W48</h1>", Html);
        Assert.Contains("<meta charset=\"utf-8\">", Html);
        Assert.EndsWith("</html>\n", Html);
    }

    [Fact]
    public void Headings_never_skip_a_level()
    {
        var levels = Headings().Select(h => h.Level).ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
            Assert.True(levels[i] <= levels[i - 1] + 1, $"h{levels[i]} follows h{levels[i - 1]} at heading {i}");
    }

    [Fact]
    public void Page_is_self_contained_with_inline_css_and_print_styles()
    {
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", Html);
        Assert.Contains("@media print", Html);
    }

    [Fact]
    public void Text_from_data_is_html_encoded()
    {
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", Html);
        Assert.Contains("no latency &lt;measured&gt; &amp; no target", Html);
        Assert.Contains("price &quot;-1&quot; is dynamic &lt;b&gt;skipped&lt;/b&gt;", Html);
        Assert.Contains("R&amp;D, &quot;Europe&quot;", Html);
        Assert.DoesNotContain("<b>", Html);
    }

    [Fact]
    public void Sections_come_in_order_headline_what_changed_ranking_spend_teams_totals()
    {
        var h2 = Headings().Where(h => h.Level == 2).Select(h => h.Text).ToList();
        Assert.Equal(["Headline", "What changed", "Fine-tune next", "Switch or route", "Spend trend", "Team: billing", "Team: legal", "Team: search", "Totals"], h2);

        var h3InChanges = Headings().SkipWhile(h => h.Text != "What changed").Skip(1).TakeWhile(h => h.Level > 2)
            .Select(h => h.Text).ToList();
        Assert.Equal(["Verdict flips", "Skipped inputs", "Evidence gaps", "Inputs this week"], h3InChanges);
    }

    [Fact]
    public void Each_team_is_one_group_holding_all_its_workloads_sorted_by_name()
    {
        var headings = Headings();
        var search = headings.SkipWhile(h => h.Text != "Team: search").Skip(1).TakeWhile(h => h.Level > 2)
            .Where(h => h.Level == 3).Select(h => Regex.Replace(h.Text, "<span.*", "").Trim()).ToList();
        var billing = headings.SkipWhile(h => h.Text != "Team: billing").Skip(1).TakeWhile(h => h.Level > 2)
            .Where(h => h.Level == 3).Select(h => Regex.Replace(h.Text, "<span.*", "").Trim()).ToList();

        Assert.Equal(["&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Support triage"], search);
        Assert.Equal(["Invoice extraction"], billing);
        Assert.Single(Regex.Matches(Html, "<h2>Team: search</h2>"));
        Assert.Contains("2 workloads &middot; baseline $5,900.44 / month &middot; projected savings $7,562.65 net over the horizon, $3,130.22 / month &middot; " +
                        "to act on $3,130.22 / month", Html);
    }

    [Fact]
    public void Headline_gives_counts_spend_savings_and_flips()
    {
        Assert.Contains("<dt>Workloads assessed</dt><dd>5</dd>", Html);
        // 4,900.44 + 1,500.00 + 4,474.31 + 8,096.38 + 1,000.00
        Assert.Contains("<dt>Total monthly LLM spend</dt><dd>$19,971.13 / month<br><svg class=\"chart sparkline\" id=\"spend-total\"", Html);
        Assert.Contains("<dt>Flips this week</dt><dd>3</dd>", Html);
        // Each badge stays on one line with its count.
        Assert.Contains("<dt>Verdicts</dt><dd><span class=\"vcount\"><span class=\"badge v-finetune\">FineTune</span>&nbsp;2</span> " +
                        "<span class=\"vcount\"><span class=\"badge v-prepare\">PrepareFineTune</span>&nbsp;1</span> " +
                        "<span class=\"vcount\"><span class=\"badge v-route\">Route</span>&nbsp;1</span> " +
                        "<span class=\"vcount\"><span class=\"badge v-stay\">StayOnFrontier</span>&nbsp;1</span></dd>", Html);
    }

    [Fact]
    public void What_changed_lists_the_flip_with_its_drivers_skipped_inputs_and_evidence_gaps()
    {
        Assert.Contains("<a href=\"#w-support-triage\">Support triage</a> (search): " +
                        "<span class=\"badge v-stay\">StayOnFrontier</span> &rarr; <span class=\"badge v-finetune\">FineTune</span>", Html);
        Assert.Contains("<li>volume threshold now met: payback 9.6 months (was 13.1)</li>", Html);
        Assert.Contains("<tr><td>workloads.json</td><td>workloads[4]</td><td>baseline model missing</td></tr>", Html);
        Assert.Contains("<li>quality: record at least 2 more eval runs</li>", Html);
        Assert.Contains("<li>1,204 usage rows ingested.</li>", Html);
    }

    [Fact]
    public void Card_shows_thresholds_economics_sensitivity_and_inputs_of_the_worked_example()
    {
        Assert.Contains("<th scope=\"col\">Threshold</th><th scope=\"col\">Status</th><th scope=\"col\">Evidence</th>", Html);
        Assert.Contains("<td class=\"s-met\">Met</td><td>p95 640 ms &gt; 300 ms target</td>", Html);
        Assert.Contains("<tr><th scope=\"row\">Monthly calls</th><td>10.0M (10,000,893)</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Baseline cost per call</th><td>$0.00049</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Baseline monthly cost</th><td>$4,900.44</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Monthly net savings (first month)</th><td>$3,130.22</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Build cost</th><td>$30,000.00</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Payback</th><td>9.6 months</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Calls until payback</th><td>95.8M calls</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Monthly volume floor</th><td>3.6M calls/month</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Horizon net over 12 months</th><td>$7,562.65</td></tr>", Html);
        Assert.Contains("<li>Fine-tuning pays back within 12 months from 8.7M calls/month; now 10.0M (15% above).</li>", Html);
        Assert.Contains("<li>It stops paying back within 12 months if the frontier price falls 12.9% (a cheaper frontier model erodes the savings).</li>", Html);
        Assert.Contains("<tr><td>baseline</td><td>azure/gpt-4o-mini</td><td>2026-10-01</td><td>azure-retail</td></tr>", Html);
        Assert.Contains("Usage window 2026-10-26 to 2026-11-22 (28 days, 28 with usage), 9,200,000 calls; sources azure-monitor, openai-usage.", Html);
    }

    [Fact]
    public void Card_without_payback_or_flip_points_says_so()
    {
        Assert.Contains("<tr><th scope=\"row\">Payback</th><td>not within 120 months</td></tr>", Html);
        Assert.Contains("<tr><th scope=\"row\">Monthly net savings (first month)</th><td>\u2212$220.50</td></tr>", Html);
        Assert.Contains("<li>Monthly volume: no flip point in range (0 to 10.0T calls/month; now 120.0k).</li>", Html);
        Assert.Contains("<li>Frontier price: no flip point in range (price from 0 to 1,000 times today&#39;s).</li>", Html);
        Assert.Contains("<li>labelled examples 350 &lt; 1000</li>", Html);
    }

    [Fact]
    public void Verdict_badges_have_distinct_colours()
    {
        var colours = new[] { "v-finetune", "v-prepare", "v-route", "v-stay" }
            .Select(c => Regex.Match(Html, $@"\.badge\.{c} {{ background: ([^;]+);").Groups[1].Value)
            .ToList();
        Assert.All(colours, c => Assert.NotEqual("", c));
        Assert.Equal(4, colours.Distinct().Count());
    }

    [Fact]
    public void Totals_table_has_a_row_per_team_and_an_overall_row()
    {
        var totals = Html[Html.IndexOf("<h2>Totals</h2>", StringComparison.Ordinal)..];
        Assert.Contains("<th scope=\"col\">Fine<wbr>Tune</th><th scope=\"col\">Prepare<wbr>Fine<wbr>Tune</th><th scope=\"col\">Route</th><th scope=\"col\">Stay<wbr>On<wbr>Frontier</th>" +
                        "<th scope=\"col\">Baseline monthly cost</th><th scope=\"col\">Savings to act on / month</th><th scope=\"col\">Projected savings, horizon net</th>", totals);
        Assert.Contains("<tr><th scope=\"row\">billing</th><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td>" +
                        "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">$1,500.00</td><td class=\"num\">$0.00</td><td class=\"num\">\u2212$27,646.00</td></tr>", totals);
        // legal: the fragile FineTune (2,704.10 a month, 2,449.15 over 12 months) and the Route (6,477.10, 77,725.20).
        Assert.Contains("<tr><th scope=\"row\">legal</th><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td>" +
                        "<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">$12,570.69</td><td class=\"num\">$9,181.20</td><td class=\"num\">$80,174.35</td></tr>", totals);
        Assert.Contains("<tr><th scope=\"row\">search</th><td class=\"num\">2</td>", totals);
        Assert.Contains("<tfoot>\n<tr><th scope=\"row\">All teams</th><td class=\"num\">5</td><td class=\"num\">2</td><td class=\"num\">1</td>" +
                        "<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">$19,971.13</td><td class=\"num\">$12,311.42</td><td class=\"num\">$60,091.00</td></tr>", totals);
    }
}
