using System.Globalization;
using Reassess.Core.Reporting;
using static Reassess.Core.Tests.Reporting.ReportFixtures;

namespace Reassess.Core.Tests.Reporting;

public class WeeklyReportRendererTests
{
    [Fact]
    public void Render_produces_exactly_the_four_files_with_their_content_types()
    {
        var files = WeeklyReportRenderer.Render(Report());

        Assert.Equal(
            [
                ("index.html", "text/html; charset=utf-8"),
                ("summary.md", "text/markdown; charset=utf-8"),
                ("assessments.json", "application/json"),
                ("finance.csv", "text/csv; charset=utf-8"),
            ],
            files.Select(f => (f.Name, f.ContentType)).ToArray());
        Assert.All(files, f => Assert.NotEmpty(f.Content));
    }

    [Fact]
    public void Rendering_the_same_report_twice_gives_byte_identical_files()
    {
        var first = WeeklyReportRenderer.Render(Report());
        var second = WeeklyReportRenderer.Render(Report());

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Name, second[i].Name);
            Assert.Equal(first[i].Content, second[i].Content);
        }
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_assessments_and_skipped_inputs_arrive_in()
    {
        var report = Report();
        var shuffled = report with
        {
            Assessments = report.Assessments.Reverse().ToList(),
            Skipped = report.Skipped.Reverse().ToList(),
        };

        var a = WeeklyReportRenderer.Render(report);
        var b = WeeklyReportRenderer.Render(shuffled);

        for (var i = 0; i < a.Count; i++) Assert.Equal(a[i].Content, b[i].Content);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var baseline = WeeklyReportRenderer.Render(Report());

        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NumberGroupSeparator = ".";
        odd.NumberFormat.CurrencySymbol = "€";
        odd.NumberFormat.NegativeSign = "~";
        odd.DateTimeFormat.DateSeparator = ".";
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        IReadOnlyList<ReportFile> other;
        try
        {
            CultureInfo.CurrentCulture = odd;
            CultureInfo.CurrentUICulture = odd;
            other = WeeklyReportRenderer.Render(Report());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }

        for (var i = 0; i < baseline.Count; i++) Assert.Equal(baseline[i].Content, other[i].Content);
    }

    [Fact]
    public void Every_file_is_utf8_without_bom_with_lf_line_endings_and_a_final_newline()
    {
        foreach (var file in WeeklyReportRenderer.Render(Report()))
        {
            Assert.False(file.Content is [0xEF, 0xBB, 0xBF, ..], $"{file.Name} starts with a BOM");
            Assert.DoesNotContain((byte)'\r', file.Content);
            Assert.Equal((byte)'\n', file.Content[^1]);
        }
    }

    [Fact]
    public void An_empty_week_still_renders_every_file()
    {
        var files = WeeklyReportRenderer.Render(new WeeklyReport { Week = Week, AsOf = AsOf });

        Assert.Equal(4, files.Count);
        var html = Text(File(files, "index.html"));
        Assert.Contains("No verdict changed since the previous assessment.", html);
        Assert.DoesNotContain("<h2>Team:", html);
        Assert.Equal(FinanceCsv.Header + "\n", Text(File(files, "finance.csv")));
        Assert.Empty(AssessmentsJson.Read(File(files, "assessments.json").Content).Assessments);
    }
}
