using System.Text.RegularExpressions;
using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

/// <summary>
/// The page's structure as a validator and a screen reader see it, for a full week with history, a week without
/// history and an empty week: one h1, headings that never skip a level, tables with header cells, every chart an
/// image with a text alternative, unique ids, and nothing loaded from anywhere.
/// </summary>
public class HtmlStructureTests
{
    public static TheoryData<string> Reports() => new() { "with history", "without history", "empty" };

    private static string Html(string which) => Text(File(WeeklyReportRenderer.Render(which switch
    {
        "with history" => ReportWithHistory(),
        "without history" => Report(),
        _ => new WeeklyReport { Week = Week, AsOf = AsOf },
    }), "index.html"));

    [Theory]
    [MemberData(nameof(Reports))]
    public void There_is_exactly_one_h1_and_it_comes_first(string which)
    {
        var html = Html(which);
        var headings = Regex.Matches(html, @"<h([1-6])[\s>]").Select(m => int.Parse(m.Groups[1].Value)).ToList();

        Assert.Single(headings, l => l == 1);
        Assert.Equal(1, headings[0]);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Headings_go_down_one_level_at_a_time(string which)
    {
        var levels = Regex.Matches(Html(which), @"<h([1-6])[\s>]").Select(m => int.Parse(m.Groups[1].Value)).ToList();

        for (var i = 1; i < levels.Count; i++)
            Assert.True(levels[i] <= levels[i - 1] + 1, $"h{levels[i]} follows h{levels[i - 1]} (heading {i + 1})");
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_table_has_a_header_row_of_th_cells(string which)
    {
        var tables = Regex.Matches(Html(which), "<table[^>]*>(.*?)</table>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var head = Regex.Match(table, "<thead>(.*?)</thead>", RegexOptions.Singleline);
            Assert.True(head.Success, "a table without <thead>: " + table[..Math.Min(120, table.Length)]);
            Assert.Matches("<th scope=\"col\">", head.Groups[1].Value);
            Assert.DoesNotMatch("<td", head.Groups[1].Value);
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_chart_is_an_image_with_a_title_and_a_description_it_points_to(string which)
    {
        var html = Html(which);
        var charts = Regex.Matches(html, "<svg(?<attrs>[^>]*)>(?<body>.*?)</svg>", RegexOptions.Singleline).ToList();

        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            var attrs = chart.Groups["attrs"].Value;
            var body = chart.Groups["body"].Value;
            Assert.Contains("role=\"img\"", attrs);
            var label = Regex.Match(attrs, "aria-label=\"([^\"]+)\"");
            Assert.True(label.Success && label.Groups[1].Value.Trim().Length > 0, "no aria-label: " + attrs);
            var title = Regex.Match(body, "^<title>([^<]+)</title>");
            Assert.True(title.Success, "the first child is not a <title>: " + attrs);
            Assert.Equal(label.Groups[1].Value, title.Groups[1].Value);
            var describedBy = Regex.Match(attrs, "aria-describedby=\"([^\"]+)\"").Groups[1].Value;
            Assert.Matches($"<desc id=\"{Regex.Escape(describedBy)}\">[^<]{{10,}}</desc>", body);
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Ids_are_unique_and_every_in_page_link_has_a_target(string which)
    {
        var html = Html(which);
        var ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var links = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(links, l => Assert.Contains(l, ids));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Nothing_is_loaded_from_anywhere_and_nothing_runs(string which)
    {
        var html = Html(which);

        foreach (var forbidden in new[] { "<script", "<link", "<iframe", "<img", "<object", "src=", "url(", "@import", "http:", "https:", " on" + "load=", "javascript:" })
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(html, "<style>"));
    }

    [Fact]
    public void Every_workload_card_has_its_sparkline_and_the_cards_with_scenarios_their_two_charts()
    {
        var html = Html("with history");

        foreach (var anchor in new[] { "w-invoice-extract", "w-xss-probe", "w-support-triage" })
            Assert.Contains($"<svg class=\"chart sparkline\" id=\"{anchor}-spend\"", html);
        Assert.Contains("<svg class=\"chart line-chart\" id=\"w-support-triage-payback\"", html);
        Assert.Contains("<svg class=\"chart tornado-chart\" id=\"w-support-triage-tornado\"", html);
        Assert.Contains("No scenario figures were recorded with this assessment", html); // the hand-built ones without
        Assert.Contains("<svg class=\"chart line-chart\" id=\"spend-by-team\"", html);
        Assert.Contains("<svg class=\"chart line-chart\" id=\"team-1-spend\"", html);
        Assert.Contains("<svg class=\"chart line-chart\" id=\"team-2-spend\"", html);
        Assert.Contains("<svg class=\"chart bar-chart\" id=\"portfolio-horizon\"", html);
    }
}
