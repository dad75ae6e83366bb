using Reassess.Sources.Usage;

namespace Reassess.Sources.Tests.Usage;

public sealed class EvalDropTests
{
    private readonly EvalDropReader _reader = new();

    [Fact]
    public async Task Csv_evals_give_one_point_per_workload_day_and_suite()
    {
        const string csv = "workload,date,suite,score\nsupport-triage,2026-06-22,golden-v3,91.0\nsupport-triage,2026-06-29,golden-v3,91.6\n";

        var result = await Read.Text(_reader, csv, "evals.csv");

        Assert.Empty(result.Rejected);
        Assert.Equal([91.0m, 91.6m], result.Records.Select(e => e.Score));
        Assert.Equal(("support-triage", new DateOnly(2026, 6, 22), "golden-v3"),
            (result.Records[0].WorkloadId, result.Records[0].Day, result.Records[0].Suite));
    }

    [Fact]
    public async Task Json_evals_read_from_an_array_or_an_evals_object()
    {
        const string array = """[{ "workload": "w1", "date": "2026-07-06", "suite": "s", "score": 90.9 }]""";
        const string wrapped = """{ "evals": [{ "workload": "w1", "date": "2026-07-13", "suite": "s", "score": "91.3" }] }""";

        var first = Assert.Single((await Read.Text(_reader, array, "e.json")).Records);
        var second = Assert.Single((await Read.Text(_reader, wrapped, "e.json")).Records);

        Assert.Equal((new DateOnly(2026, 7, 6), 90.9m), (first.Day, first.Score));
        Assert.Equal((new DateOnly(2026, 7, 13), 91.3m), (second.Day, second.Score));
    }

    [Theory]
    [InlineData("100.5", "'100.5' is out of range; a score must be between 0 and 100")]
    [InlineData("-1", "'-1' is negative; a score must be between 0 and 100")]
    [InlineData("", "is empty; every row needs a score")]
    public async Task Score_outside_0_to_100_or_empty_rejects_the_row(string score, string message)
    {
        var result = await Read.Text(_reader, $"workload,date,suite,score\nw1,2026-07-06,s,{score}\nw1,2026-07-07,s,100\n", "e.csv");

        Assert.Equal(100m, Assert.Single(result.Records).Score);
        Assert.Equal(("line 2, column score", message), (Assert.Single(result.Rejected).Location, result.Rejected[0].Message));
    }

    [Fact]
    public async Task Evals_without_a_suite_column_are_refused()
    {
        var problem = await Read.Refused(_reader, "workload,date,score\nw1,2026-07-06,90\n", "e.csv");

        Assert.Equal("line 1", problem.Location);
        Assert.Equal("missing required column 'suite'; the header has: workload, date, score", problem.Message);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2023-08-02")]
    [InlineData("2026-08-05")]
    public async Task A_day_more_than_three_years_back_or_ahead_of_tomorrow_rejects_the_row_naming_the_range(string day)
    {
        var csv = $"workload,date,suite,score\nw1,{day},s,90\nw1,2026-08-04,s,91\n";

        var result = await Read.Text(_reader, csv, "evals.csv");

        Assert.Equal([new DateOnly(2026, 8, 4)], result.Records.Select(r => r.Day));
        var problem = Assert.Single(result.Rejected);
        Assert.Equal(("evals.csv", "line 2, column date"), (problem.Source, problem.Location));
        Assert.Equal($"{day} is outside 2023-08-03 to 2026-08-04; daily figures are kept for the last 3 years and none can lie ahead", problem.Message);
    }
}
