using System.Globalization;
using System.Text;
using System.Text.Json;
using Reassess.Core.Json;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Core.Trends;
using Reassess.Pipeline.Trends;
using Reassess.Sources.Formats.Csv;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

/// <summary>The weekly run records cost trends; the report's finance.csv and the trends query read the same rows.</summary>
[Collection(AzuriteFixture.Collection)]
public class CostTrendsTests(AzuriteFixture azurite)
{
    private static readonly IsoWeek W48 = new(2026, 48);

    [Fact]
    public async Task The_weekly_run_records_a_trend_row_per_workload_and_week_and_a_rerun_rewrites_them()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);

        await workspace.RunAsync(weeks: 3);
        var first = await workspace.Context.CostTrends.ListAsync(W48.Previous.Previous, W48);
        await workspace.RunAsync(weeks: 3);
        var second = await workspace.Context.CostTrends.ListAsync(W48.Previous.Previous, W48);

        Assert.Equal(18, first.Count);
        Assert.Equal(first, second);
        var triage = first.Single(p => p.Week == "2026-W48" && p.WorkloadId == "ticket-triage");
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)), (triage.ChargePeriodStart, triage.ChargePeriodEnd));
        Assert.Equal("CC-1200 Customer Care", triage.CostCenter);
        Assert.Equal("Anthropic", triage.ServiceName);
        Assert.True(triage.ChargePeriodCalls > 0 && triage.EffectiveCost > 0);
        // The charge period is a quarter of the window here; its cost is that share of the window's, give or take the daily mix.
        Assert.InRange(triage.EffectiveCost / triage.WindowCost, 0.2m, 0.3m);
    }

    [Fact]
    public async Task Finance_csv_round_trips_through_a_csv_parser_and_its_totals_are_the_sums_of_the_workload_rows()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var run = await workspace.RunAsync(weeks: 4);

        var csv = Encoding.UTF8.GetString(run.Files.Single(f => f.Name == "finance.csv").Content);
        var reader = new CsvReader(new StringReader(csv));
        var header = reader.Read()!.Fields;
        var rows = new List<Dictionary<string, string>>();
        for (var record = reader.Read(); record is not null; record = reader.Read())
        {
            Assert.Null(record.Problem);
            Assert.Equal(header.Count, record.Fields.Count);
            rows.Add(header.Zip(record.Fields).ToDictionary(p => p.First, p => p.Second));
        }

        Assert.Equal(FinanceCsv.Columns, header);
        Assert.Equal(24, rows.Count); // 6 workloads × 4 weeks
        Assert.All(rows, r => JsonDocument.Parse(r["Tags"]));

        decimal Sum(IEnumerable<Dictionary<string, string>> some, string column) =>
            some.Sum(r => decimal.Parse(r[column], CultureInfo.InvariantCulture));
        var html = Encoding.UTF8.GetString(run.Files.Single(f => f.Name == "index.html").Content);
        var headline = Sum(rows.Where(r => r["x_Week"] == "2026-W48"), "x_BaselineMonthlyCost");
        Assert.Contains($"<dt>Total monthly LLM spend</dt><dd>{ReportFormat.Money(headline)} / month", html);

        foreach (var by in new[] { "team", "costCenter", "workload" })
        {
            var result = await CostTrendQuery.RunAsync(workspace.Context, by, "2026-W45", "2026-W48", "json");
            var answer = ReadAnswer(result.Content);
            var column = by switch { "team" => "x_Team", "costCenter" => "x_CostCenter", _ => "x_Workload" };
            foreach (var row in answer.Rows)
            {
                var workloads = rows.Where(r => r["x_Week"] == row.Week && r[column] == row.Group).ToList();
                Assert.Equal(row.Workloads, workloads.Count);
                Assert.Equal(row.EffectiveCost, Sum(workloads, "EffectiveCost"));
                Assert.Equal(row.BaselineMonthlyCost, Sum(workloads, "x_BaselineMonthlyCost"));
                Assert.Equal(row.ProjectedMonthlySavings, Sum(workloads, "x_ProjectedMonthlySavings"));
            }

            foreach (var total in answer.Totals)
                Assert.Equal(total.EffectiveCost, Sum(rows.Where(r => r["x_Week"] == total.Week), "EffectiveCost"));
        }
    }

    [Fact]
    public async Task A_bad_option_names_itself_and_a_missing_range_means_the_last_twelve_weeks_on_record()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        await workspace.RunAsync(weeks: 2);

        var defaults = await CostTrendQuery.RunAsync(workspace.Context, null, null, null, null);
        var bad = await CostTrendQuery.RunAsync(workspace.Context, "department", null, null, null);
        var backwards = await CostTrendQuery.RunAsync(workspace.Context, "team", "2026-W48", "2026-W40", "csv");
        var csv = await CostTrendQuery.RunAsync(workspace.Context, "workload", "2026-W48", "2026-W48", "csv");

        var answer = ReadAnswer(defaults.Content);
        Assert.Equal(("team", "2026-W37", "2026-W48"), (answer.By, answer.From, answer.To));
        Assert.Equal(["2026-W47", "2026-W48"], answer.Totals.Select(t => t.Week));
        Assert.Equal("by", bad.Problem!.Location);
        Assert.Contains("team, costCenter or workload", bad.Problem.Message);
        Assert.Equal("from", backwards.Problem!.Location);
        Assert.StartsWith("text/csv", csv.ContentType);
        var lines = Encoding.UTF8.GetString(csv.Content!).TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(",", CostTrendTable.CsvColumns), lines[0]);
        Assert.Equal(7, lines.Length);
    }

    /// <summary>A trends answer read back as a client reads the JSON.</summary>
    private static TrendAnswer ReadAnswer(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<TrendAnswer>(json, ReassessJson.Options)!;
}
