using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reassess.Testing;
using Xunit.Abstractions;

namespace Reassess.Report.Tests;

/// <summary>
/// The sample week's index.html in headless Chromium, on screen (1280 px) and laid out for print (A4): every chart
/// drew (a non-empty box with marks, or its "no data" sentence), every label stays inside its chart, every chart
/// inside its card, and no card, section or table is wider than its box. Screenshots and a PDF are kept for people
/// to look at. Without Chromium the test fails and says how to get it: it is never skipped.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ReportInBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int ScreenWidth = 1280;

    /// <summary>A4 (210 mm) less the report's 14 mm print margins, at 96 CSS pixels per inch.</summary>
    private const int PrintWidth = 688;

    /// <summary>Measures the page: each chart's box and content, its labels and container, and everything wider than its box.</summary>
    private const string Measure = """
        JSON.stringify((() => {
          const box = r => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height });
          const charts = [...document.querySelectorAll('svg')].map(svg => {
            const container = svg.closest('.card') || svg.closest('section') || svg.closest('main');
            const view = svg.viewBox.baseVal;
            const content = svg.getBBox();
            const labels = [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox(); return { text: t.textContent, x: b.x, y: b.y, width: b.width, height: b.height }; });
            return {
              id: svg.id, label: svg.getAttribute('aria-label') || '', role: svg.getAttribute('role') || '',
              title: (svg.querySelector(':scope > title') || {}).textContent || '',
              box: box(svg.getBoundingClientRect()), container: box(container.getBoundingClientRect()), containerId: container.id || container.className,
              view: { width: view.width, height: view.height }, content: { width: content.width, height: content.height },
              marks: svg.querySelectorAll('.line, .dot, .bar, .spark-line, .spark-dot, .spark-last, .tornado-low, .tornado-high').length,
              empty: svg.querySelectorAll('.empty, .spark-empty').length,
              labels,
            };
          });
          const overflowing = [...document.querySelectorAll('main, section, .card, figure, table, .figures > div, .trend')]
            .filter(e => e.scrollWidth > e.clientWidth + 1)
            .map(e => `${e.tagName.toLowerCase()}#${e.id || e.className} ${e.scrollWidth}>${e.clientWidth}`);
          return {
            charts, overflowing,
            pageWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth,
            sections: [...document.querySelectorAll('h2')].map(h => h.textContent),
            cards: document.querySelectorAll('.card').length,
            routes: [...document.querySelectorAll('#routes table.routes tbody tr')].map(r => ({ text: r.textContent, box: box(r.getBoundingClientRect()) })),
            optionTables: [...document.querySelectorAll('.card table.options')].map(t => ({ rows: t.querySelectorAll('tbody tr').length, box: box(t.getBoundingClientRect()) })),
            fragile: [...document.querySelectorAll('.fragile')].filter(f => f.getBoundingClientRect().width > 0).map(f => f.textContent),
            routeBadges: [...document.querySelectorAll('.card .badge.v-route')].filter(b => b.getBoundingClientRect().width > 0).length,
          };
        })())
        """;

    [Fact]
    public async Task The_sample_report_draws_every_chart_inside_its_card_on_screen_and_in_print()
    {
        var chromium = Chromium.Find();
        Assert.True(chromium is not null,
            "Chromium is not installed, so the report cannot be checked in a real browser. Run .ci/run (it installs Debian's " +
            "chromium when missing) or install it yourself: apt-get install -y chromium (or set CHROMIUM to a Chrome/Chromium binary).");

        var files = await SampleReport.RenderAsync(azurite);
        var html = files.Single(f => f.Name == "index.html").Content;
        var folder = Folder();
        var page = Path.Combine(folder, "index.html");
        await File.WriteAllBytesAsync(page, html);
        var svgCount = Regex.Matches(Encoding.UTF8.GetString(html), "<svg ").Count;

        await using var browser = await Chromium.StartAsync(chromium!);
        var session = await browser.OpenAsync(new Uri(page).AbsoluteUri, ScreenWidth, 1000);

        var screen = await MeasureAsync(browser, session);
        Assert.Equal(["Headline", "What changed", "Fine-tune next", "Switch or route", "Spend trend", "Team: catalog", "Team: devex", "Team: finance-ops",
            "Team: legal", "Team: support", "Totals"], screen.Sections);
        Assert.Equal(6, screen.Cards);
        CheckRoutesAndFragility(screen, "screen");
        Assert.Equal(svgCount, screen.Charts.Count);
        // Headline sparkline, ranking bars, spend by team, 5 team charts, and per card a sparkline, a payback curve and a tornado.
        Assert.Equal(1 + 1 + 1 + 5 + 6 * 3, screen.Charts.Count);
        Check(screen, "screen");
        await File.WriteAllBytesAsync(Path.Combine(folder, "report-screen.png"), await browser.ScreenshotAsync(session, ScreenWidth));
        await SaveTilesAsync(folder, "report-screen", await browser.ScreenshotTilesAsync(session, ScreenWidth, 2400));

        await browser.MediaAsync(session, "print");
        await browser.ViewportAsync(session, PrintWidth, 1000);
        var print = await MeasureAsync(browser, session);
        Check(print, "print");
        CheckRoutesAndFragility(print, "print");
        await File.WriteAllBytesAsync(Path.Combine(folder, "report-print.png"), await browser.ScreenshotAsync(session, PrintWidth));
        await SaveTilesAsync(folder, "report-print", await browser.ScreenshotTilesAsync(session, PrintWidth, 2400));
        var pdf = await browser.PrintToPdfAsync(session);
        await File.WriteAllBytesAsync(Path.Combine(folder, "report.pdf"), pdf);

        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.True(Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count >= 6, "the PDF has fewer pages than teams");
        output.WriteLine($"Screenshots and PDF of the sample report: {folder}");
    }

    private static void Check(Page page, string media)
    {
        var problems = new List<string>();
        if (page.PageWidth > page.ViewportWidth + 1) problems.Add($"the page is {page.PageWidth}px wide in a {page.ViewportWidth}px window");
        problems.AddRange(page.Overflowing.Select(o => $"{o} is wider than its box"));
        foreach (var chart in page.Charts)
        {
            var name = $"chart {chart.Id} ({chart.Label})";
            if (chart.Role != "img" || chart.Label.Length == 0 || chart.Title != chart.Label) problems.Add($"{name} has no text alternative");
            if (chart.Box.Width < 20 || chart.Box.Height < 10) problems.Add($"{name} drew a {chart.Box.Width}×{chart.Box.Height} box");
            if (chart.Content.Width <= 0 || chart.Content.Height <= 0) problems.Add($"{name} drew nothing");
            if (chart.Marks == 0 && chart.Empty == 0) problems.Add($"{name} has neither marks nor a no-data note");
            if (chart.Box.Left < chart.Container.Left - 0.5 || chart.Box.Right > chart.Container.Right + 0.5)
                problems.Add($"{name} sticks out of {chart.ContainerId}: {chart.Box.Left:0}…{chart.Box.Right:0} in {chart.Container.Left:0}…{chart.Container.Right:0}");
            foreach (var label in chart.Labels.Where(l => l.X < -1 || l.Y < -1 || l.X + l.Width > chart.View.Width + 1 || l.Y + l.Height > chart.View.Height + 1))
                problems.Add($"{name}: label '{label.Text}' runs out of the chart ({label.X:0},{label.Y:0} {label.Width:0}×{label.Height:0} in {chart.View.Width}×{chart.View.Height})");
        }

        Assert.True(problems.Count == 0, $"In {media} layout:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// The sample week's two Route verdicts (a switch and a half route) in "Switch or route", drawn as rows with a height;
    /// every card's options table drawn with a row per option; the Route badge on two cards; product-tagging's fragile flip marked.
    /// </summary>
    private static void CheckRoutesAndFragility(Page page, string media)
    {
        Assert.Equal(2, page.Routes.Count);
        Assert.Contains(page.Routes, r => r.Text.Contains("Customer support chat assistant") && r.Text.Contains("openai/gpt-4.1-mini") && r.Text.Contains("all calls"));
        Assert.Contains(page.Routes, r => r.Text.Contains("Pull-request review comments") && r.Text.Contains("anthropic/claude-sonnet-4-5") && r.Text.Contains("50% of calls"));
        Assert.All(page.Routes, r => Assert.True(r.Box.Height > 0, $"a route row in {media} layout drew no box"));
        Assert.Equal(6, page.OptionTables.Count);
        Assert.All(page.OptionTables, t => Assert.True(t.Rows >= 2 && t.Box.Height > 0, $"an options table in {media} layout has {t.Rows} rows and height {t.Box.Height}"));
        Assert.Equal(2, page.RouteBadges);
        Assert.Contains(page.Fragile, f => f.StartsWith("fragile flip", StringComparison.Ordinal));
        Assert.Contains(page.Fragile, f => f.StartsWith("fragile (margin", StringComparison.Ordinal));
    }

    private static async Task SaveTilesAsync(string folder, string stem, IReadOnlyList<byte[]> tiles)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, stem + "-*.png")) File.Delete(stale);
        for (var i = 0; i < tiles.Count; i++) await File.WriteAllBytesAsync(Path.Combine(folder, $"{stem}-{i + 1:D2}.png"), tiles[i]);
    }

    private static async Task<Page> MeasureAsync(Chromium browser, string session)
    {
        var json = await browser.EvaluateAsync<string>(session, Measure);
        return JsonSerializer.Deserialize<Page>(json!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Where the pictures go: <c>$REASSESS_SCREENSHOTS</c>, else <c>report-screenshots/</c> beside the test assembly.</summary>
    private static string Folder()
    {
        var folder = Environment.GetEnvironmentVariable("REASSESS_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "report-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private sealed record Page(
        List<Chart> Charts, List<string> Overflowing, double PageWidth, double ViewportWidth, List<string> Sections, int Cards,
        List<RouteRow> Routes, List<OptionTable> OptionTables, List<string> Fragile, int RouteBadges);

    private sealed record RouteRow(string Text, Box Box);

    private sealed record OptionTable(int Rows, Box Box);

    private sealed record Chart(
        string Id, string Label, string Role, string Title, Box Box, Box Container, string ContainerId, Size View, Size Content,
        int Marks, int Empty, List<Label> Labels);

    private sealed record Box(double Left, double Right, double Top, double Bottom, double Width, double Height);

    private sealed record Size(double Width, double Height);

    private sealed record Label(string Text, double X, double Y, double Width, double Height);
}
