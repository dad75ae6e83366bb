using System.Text.RegularExpressions;
using Reassess.Core.Decisions;
using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

/// <summary>
/// What index.html says about engine v2: the Route verdict and its "Switch or route" section, the options table of
/// each card, fragile markers, the chosen options' projected savings, costs per accepted outcome and the defaults
/// an assessment assumed.
/// </summary>
public class RouteReportTests
{
    private static readonly string Html = Render(Report());

    private static string Render(WeeklyReport report) => Text(File(WeeklyReportRenderer.Render(report), "index.html"));

    private static string Section(string html, string id) =>
        Regex.Match(html, $"<section id=\"{id}\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;

    private static string Card(string anchor) =>
        Regex.Match(Html, $"<article class=\"card [^\"]+\" id=\"{anchor}\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

    private static string OptionsTable(string anchor) =>
        Regex.Match(Card(anchor), "<table class=\"options\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Switch_or_route_lists_each_route_verdict_with_model_share_saving_net_payback_and_cost_per_accepted_outcome()
    {
        var routes = Section(Html, "routes");

        Assert.StartsWith("\n<h2>Switch or route</h2>", routes);
        Assert.Contains("<tr><td class=\"num\">1</td><th scope=\"row\"><a href=\"#w-contract-review\">Contract review</a></th><td>legal</td>" +
                        "<td>openai/gpt-4.1-mini</td><td>all calls</td><td class=\"num\">$6,477.10</td>" +
                        "<td class=\"num\">$77,725.20 <span class=\"muted\">/ 12 mo</span></td><td class=\"num\">0.0 mo</td>" +
                        "<td class=\"num\">$0.00135438 <span class=\"muted\">vs $0.00677189 now</span></td></tr>", routes);
        Assert.Single(Regex.Matches(routes, "<tr><td class=\"num\">"));
    }

    [Fact]
    public void A_partial_route_reads_as_its_share_of_calls_and_routes_rank_by_their_horizon_net()
    {
        var nano = RouteWithFlip() with { WorkloadId = "contract-review-eu", BestRoute = "openai/gpt-4.1-nano" };
        var html = Render(Report() with { Assessments = [RouteWithFlip(), nano] });

        var rows = Regex.Matches(Section(html, "routes"), "<a href=\"#([^\"]+)\">.*?</th><td>legal</td><td>([^<]+)</td><td>([^<]+)</td><td class=\"num\">([^<]+)</td>")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value)).ToList();

        Assert.Equal(
            [("w-contract-review", "openai/gpt-4.1-mini", "all calls", "$6,477.10"), ("w-contract-review-eu", "openai/gpt-4.1-nano", "60% of calls", "$4,590.58")],
            rows);
        Assert.Contains("Route 60% of calls to openai/gpt-4.1-nano: it meets the targets, saves $4,590.58 / month and nets $49,087.00 over 12 months " +
                        "(the migration pays back in 1.3 months); the fine-tune would net $18,832.25.", html);
    }

    [Fact]
    public void Without_route_verdicts_the_section_says_so()
    {
        var html = Render(Report() with { Assessments = [FineTuneWithFlip(), StayWithHostileName()] });

        Assert.Contains("<p class=\"none\">No workload has a Route verdict this week.</p>", Section(html, "routes"));
    }

    [Fact]
    public void Route_verdicts_have_their_own_badge_card_and_bar_colour_and_say_route_in_words()
    {
        Assert.Contains("<article class=\"card v-route\" id=\"w-contract-review\">", Html);
        Assert.Contains("<h3>Contract review <span class=\"badge v-route\">Route</span></h3>", Html);
        Assert.Contains("&rarr; <span class=\"badge v-route\">Route</span>", Section(Html, "changes"));
        Assert.Matches(@"\.badge\.v-route \{ background: var\(--route\); \}", Html);
        Assert.Matches(@"svg\.chart \.bar\.v-route \{ fill: #8250df; \}", Html);
        Assert.Contains("<p class=\"advice\">Switch or route: a cheaper model the team has evaluated already meets the targets and returns more than a fine-tune.</p>", Html);
    }

    [Fact]
    public void The_options_table_has_a_row_per_option_with_why_an_alternative_does_not_qualify()
    {
        var rows = Regex.Matches(OptionsTable("w-contract-review"), "<tr><th scope=\"row\">(.*?)</tr>").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("<th scope=\"col\">Option</th><th scope=\"col\">Model</th><th scope=\"col\">Share</th><th scope=\"col\">Qualifies</th>" +
                        "<th scope=\"col\">Per call</th><th scope=\"col\">Per accepted outcome</th><th scope=\"col\">Monthly net</th>" +
                        "<th scope=\"col\">12-month net</th><th scope=\"col\">Payback</th>", OptionsTable("w-contract-review"));
        Assert.Equal(
            [
                "Stay</th><td>openai/gpt-4.1</td><td>all calls</td><td>yes</td><td class=\"num\">$0.00665</td><td class=\"num\">$0.00677189</td>" +
                "<td class=\"num\">$0.00</td><td class=\"num\">$0.00</td><td class=\"num\">\u2014</td>",
                "Route <span class=\"chosen-mark\">chosen</span></th><td>openai/gpt-4.1-mini</td><td>all calls</td><td>yes</td><td class=\"num\">$0.00133</td>" +
                "<td class=\"num\">$0.00135438</td><td class=\"num\">$6,477.10</td><td class=\"num\">$77,725.20</td><td class=\"num\">0.0 mo</td>",
                "Route</th><td>openai/gpt-4.1-nano</td><td>60% of calls</td><td>yes</td><td class=\"num\">$0.0028795</td><td class=\"num\">$0.00293228</td>" +
                "<td class=\"num\">$4,590.58</td><td class=\"num\">$49,087.00</td><td class=\"num\">1.3 mo</td>",
                "Route</th><td>openai/gpt-4.1-nano</td><td>all calls</td><td>no: scores 96.0 &lt; target 97.0</td><td class=\"num\">$0.0003325</td>" +
                "<td class=\"num\">$0.00033859</td><td class=\"num\">$7,691.56</td><td class=\"num\">$92,298.68</td><td class=\"num\">0.0 mo</td>",
                "Fine-tune</th><td>azure/gpt-4.1-mini-ft</td><td>all calls</td><td>yes</td><td class=\"num\">$0.00321863</td><td class=\"num\">$0.00327763</td>" +
                "<td class=\"num\">$4,177.69</td><td class=\"num\">$18,832.25</td><td class=\"num\">7.5 mo</td>",
            ],
            rows);
    }

    [Fact]
    public void The_options_table_marks_the_option_each_verdict_chose()
    {
        Assert.Contains("<tr><th scope=\"row\">Fine-tune <span class=\"chosen-mark\">chosen</span></th><td>self/llama-7b</td>", OptionsTable("w-support-triage"));
        Assert.Contains("<tr><th scope=\"row\">Stay <span class=\"chosen-mark\">chosen</span></th><td>openai/gpt-4.1</td>", OptionsTable("w-xss-probe"));
        Assert.Contains("<td>no: the workload has no quality target to hold it to</td>", OptionsTable("w-xss-probe"));
        Assert.Single(Regex.Matches(OptionsTable("w-contract-review"), "chosen-mark"));
    }

    [Fact]
    public void A_fine_tune_that_qualifies_with_readiness_gaps_says_which_and_an_assessment_without_options_says_why()
    {
        var prepare = PrepareWithoutPayback() with
        {
            Options =
            [
                new OptionSummary { Kind = OptionKind.FineTune, Model = "openai/gpt-4.1-mini-ft", Qualifies = true, Reasons = ["no eval suite"], HorizonNet = 1_000m },
            ],
        };
        var html = Render(Report() with { Assessments = [prepare, PrepareWithoutPayback() with { WorkloadId = "old" }] });

        Assert.Contains("<td>yes, but: no eval suite</td>", html);
        Assert.Contains("<td class=\"num\">none</td></tr>", html); // qualifies and priced, but no payback recorded
        Assert.Contains("<p class=\"none\">No options were recorded with this assessment (it predates them); the next reassessment adds them.</p>", html);
    }

    [Fact]
    public void Fragile_verdicts_are_marked_with_their_margin_in_the_card_the_ranking_and_the_flips()
    {
        const string marker = "<span class=\"fragile\">fragile (margin 4.6%)</span>";

        Assert.Contains("<h3>Clause tagging <span class=\"badge v-finetune\">FineTune</span> " + marker + "</h3>", Html);
        Assert.Contains("<p class=\"fragile-note\">" + marker + " A move of under 10% in monthly volume or the frontier price would change this verdict.</p>", Html);
        Assert.Contains("<td><span class=\"badge v-finetune\">FineTune</span> " + marker + "</td>", Section(Html, "portfolio"));
        Assert.Contains("(legal): <span class=\"badge v-stay\">StayOnFrontier</span> &rarr; <span class=\"badge v-finetune\">FineTune</span> " +
                        "<span class=\"fragile\">fragile flip (margin 4.6%)</span>", Section(Html, "changes"));
        // A robust verdict (margin 12.9%) has no marker, only its margin.
        Assert.Single(Regex.Matches(Section(Html, "portfolio"), "fragile \\(margin"));
        Assert.DoesNotContain("class=\"fragile\"", Card("w-support-triage"));
        Assert.Contains("<p>Margin 12.9%: monthly volume or the frontier price must move that far to change the volume threshold; " +
                        "a verdict is fragile under 10%.</p>", Card("w-support-triage"));
    }

    [Fact]
    public void Headline_projected_savings_add_up_each_verdicts_chosen_option_and_say_so()
    {
        // 12-month net: 7,562.65 and 2,449.15 (FineTune) − 27,646.00 (PrepareFineTune) + 77,725.20 (Route) + 0 (StayOnFrontier).
        // Run rate: 3,130.22 + 2,704.10 − 220.50 + 6,477.10 + 0. To act on: the FineTune and Route ones.
        Assert.Contains("<dt>Projected savings (chosen options)</dt><dd>$60,091.00 net over the horizon<br>$12,090.92 / month run rate</dd>", Html);
        Assert.Contains("<dt>Savings to act on (FineTune, Route)</dt><dd>$12,311.42 / month</dd>", Html);
        Assert.Contains("Projected savings add up each verdict&#39;s chosen option: the fine-tune of FineTune and PrepareFineTune verdicts, " +
                        "the best route of Route verdicts, nothing for StayOnFrontier.", Section(Html, "headline"));
    }

    [Fact]
    public void Economics_give_the_all_in_cost_per_call_and_both_costs_per_accepted_outcome()
    {
        var card = Card("w-support-triage");

        Assert.Contains("<tr><th scope=\"row\">Baseline cost per accepted outcome</th><td>$0.00049445</td></tr>", card);
        Assert.Contains("<tr><th scope=\"row\">Candidate all-in cost per call</th><td>$0.00017701 (hosting, GPUs and retraining included)</td></tr>", card);
        Assert.Contains("<tr><th scope=\"row\">Candidate cost per accepted outcome</th><td>$0.00017861</td></tr>", card);
        Assert.Contains("<tr><th scope=\"row\">Calls until payback</th><td>none: no payback within 120 months</td></tr>", Card("w-invoice-extract"));
    }

    [Fact]
    public void Every_default_an_assessment_assumed_is_listed_once_with_its_value_and_source()
    {
        var assumed = Regex.Match(Card("w-contract-review"), "<h4>Assumed</h4>\n<ul>\n(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Equal(
            [
                "assumptions.monthlyPriceDecline = 0 (default 0: no price history was given)",
                "fineTune.retrainCost = $4,300.00 (training plus evaluation cost)",
                "alternatives[openai/gpt-4.1-mini].formatViolationRate = 1.80% (the baseline&#39;s measured rate)",
                "alternatives[openai/gpt-4.1-nano].formatViolationRate = 1.80% (the baseline&#39;s measured rate)",
            ],
            Regex.Matches(assumed, "<li>(.*?)</li>").Select(m => m.Groups[1].Value));
        Assert.Contains("<h4>Assumed</h4>\n<p class=\"none\">None recorded with this assessment.</p>", Card("w-xss-probe"));
    }

    [Fact]
    public void Next_steps_name_the_route_and_what_it_beats_and_a_fine_tune_that_beats_a_route_says_so()
    {
        Assert.Contains("<p class=\"next-step\">Next step: Switch all calls to openai/gpt-4.1-mini: it meets the targets, saves $6,477.10 / month and nets " +
                        "$77,725.20 over 12 months (nothing up front to recover); the fine-tune would net $18,832.25.</p>", Card("w-contract-review"));

        var route = RouteWithFlip();
        var fineTuneWins = route with
        {
            Verdict = Verdict.FineTune,
            BestRoute = "openai/gpt-4.1-nano",
            Options = [.. route.Options.Where(o => o.Model != "openai/gpt-4.1-mini")],
            Economics = route.Economics with { HorizonNet = 52_000m },
        };
        Assert.Contains("<p class=\"next-step\">Next step: Fine-tune now: 3 of 4 thresholds hold and it pays back in 7.5 months. It nets $52,000.00 over " +
                        "12 months, more than the best route (60% of calls to openai/gpt-4.1-nano: $49,087.00).</p>",
            Render(Report() with { Assessments = [fineTuneWins] }));
    }
}
