using Reassess.Sources.Usage;

namespace Reassess.Sources.Tests.Usage;

public sealed class UsageDropCsvTests
{
    private readonly UsageDropReader _reader = new();

    private const string Header =
        "workload,date,source,model,calls,uncachedInputTokens,cachedInputTokens,cacheWriteTokens,outputTokens,latencyP95Ms,formatChecked,formatViolations\r\n";

    [Fact]
    public async Task Full_row_gives_every_figure_with_the_model_lower_cased()
    {
        var csv = Header + "support-triage,2026-07-14,otel,Anthropic/Claude-Haiku-4-5,328571,131428400,131428400,0,3285710,640.5,5000,45\r\n";

        var usage = Assert.Single((await Read.Text(_reader, csv, "usage-drops/triage.csv")).Records);

        Assert.Equal(("support-triage", new DateOnly(2026, 7, 14), "otel", "anthropic/claude-haiku-4-5"),
            (usage.WorkloadId, usage.Day, usage.Source, usage.Model));
        Assert.Equal((328571L, 131428400L, 131428400L, 0L, 3285710L),
            (usage.Calls, usage.UncachedInputTokens, usage.CachedInputTokens, usage.CacheWriteTokens, usage.OutputTokens));
        Assert.Equal(640.5m, usage.LatencyP95Ms);
        Assert.Equal((5000L, 45L), (usage.FormatChecked!.Value, usage.FormatViolations!.Value));
    }

    [Fact]
    public async Task Only_the_required_columns_give_defaults_drop_zero_and_not_measured()
    {
        var usage = Assert.Single((await Read.Text(_reader, "Workload , DATE,model\nw1,2026-07-14,openai/gpt-4o-mini\n", "u.csv")).Records);

        Assert.Equal(("w1", "drop", 0L, 0L), (usage.WorkloadId, usage.Source, usage.Calls, usage.OutputTokens));
        Assert.Null(usage.LatencyP95Ms);
        Assert.Null(usage.FormatChecked);
        Assert.Null(usage.FormatViolations);
    }

    [Theory]
    [InlineData("14/07/2026")]
    [InlineData("2026-07-14T00:00:00Z")]
    [InlineData("2026-02-30")]
    public async Task Date_not_in_yyyy_MM_dd_is_rejected_with_the_value_and_the_expected_form(string date)
    {
        var csv = $"workload,date,model,calls\nw1,{date},openai/gpt-4o,10\nw1,2026-07-15,openai/gpt-4o,12\n";

        var result = await Read.Text(_reader, csv, "u.csv");

        Assert.Equal(12, Assert.Single(result.Records).Calls);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("u.csv, line 2, column date: " + $"'{date}' is not a date in the form yyyy-MM-dd (e.g. 2026-01-31)", rejected.ToString());
    }

    [Theory]
    [InlineData("12.5", "'12.5' is not a whole number; a count is a whole number of 0 or more")]
    [InlineData("-3", "'-3' is negative; a count must be 0 or more")]
    [InlineData("1e3x", "'1e3x' is not a number; write digits with a dot for decimals, e.g. 0.15")]
    public async Task Count_that_is_not_a_whole_number_of_0_or_more_is_rejected(string calls, string message)
    {
        var rejected = Assert.Single((await Read.Text(_reader, $"workload,date,model,calls\nw1,2026-07-14,openai/gpt-4o,{calls}\n", "u.csv")).Rejected);

        Assert.Equal(("line 2, column calls", message), (rejected.Location, rejected.Message));
    }

    [Fact]
    public async Task More_violations_than_checked_outputs_is_rejected()
    {
        var rejected = Assert.Single((await Read.Text(_reader,
            "workload,date,model,formatChecked,formatViolations\nw1,2026-07-14,openai/gpt-4o,100,101\n", "u.csv")).Rejected);

        Assert.Equal("line 2, column formatViolations", rejected.Location);
        Assert.StartsWith("101 violations is more than the 100 outputs checked", rejected.Message);
    }

    [Fact]
    public async Task Quoted_workload_holding_commas_quotes_and_a_line_break_reads_whole_and_later_lines_keep_their_numbers()
    {
        var csv = "workload,date,model,calls\n"
                  + "\"triage, \"\"EU\"\"\nteam\",2026-07-14,openai/gpt-4o,7\n"
                  + "w2,2026-07-14,openai/gpt-4o,-1\n";

        var result = await Read.Text(_reader, csv, "u.csv");

        Assert.Equal("triage, \"EU\"\nteam", Assert.Single(result.Records).WorkloadId);
        Assert.Equal("line 4, column calls", Assert.Single(result.Rejected).Location);
    }

    [Fact]
    public async Task Same_workload_day_source_and_model_twice_is_rejected_as_a_repeat()
    {
        var csv = "workload,date,model,calls\nw1,2026-07-14,openai/gpt-4o,1\nw1,2026-07-14,OPENAI/gpt-4o,2\nw1,2026-07-14,openai/gpt-4o-mini,3\n";

        var result = await Read.Text(_reader, csv, "u.csv");

        Assert.Equal([1L, 3L], result.Records.Select(r => r.Calls));
        Assert.StartsWith("repeats workload w1 on 2026-07-14 for source drop and model openai/gpt-4o, already given at line 2",
            Assert.Single(result.Rejected).Message);
    }

    [Fact]
    public async Task Drop_without_a_model_column_is_refused_naming_it_and_listing_the_columns()
    {
        var problem = await Read.Refused(_reader, "workload,date,calls\nw1,2026-07-14,5\n", "usage-drops/x.csv");

        Assert.Equal("usage-drops/x.csv, line 1: missing required column 'model'; the header has: workload, date, calls", problem.ToString());
    }

    [Fact]
    public async Task Cells_led_by_a_quote_before_a_formula_character_read_as_they_were_before_the_quote_was_added()
    {
        var csv = "workload,date,source,model,calls\n"
                  + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-07-14,'@import,openai/gpt-4o,1\n"
                  + "'+1,2026-07-14,drop,openai/gpt-4o,2\n"
                  + "'-cmd,2026-07-14,drop,openai/gpt-4o,3\n"
                  + "''=x,2026-07-14,drop,openai/gpt-4o,4\n" // a workload really named '=x, written with one quote more
                  + "'quoted,2026-07-14,drop,openai/gpt-4o,5\n"; // a quote before anything else is the name's own

        var result = await Read.Text(_reader, csv, "u.csv");

        Assert.Empty(result.Rejected);
        Assert.Equal(["=HYPERLINK(\"http://x\",\"y\")", "+1", "-cmd", "'=x", "'quoted"], result.Records.Select(r => r.WorkloadId));
        Assert.Equal("@import", result.Records[0].Source);
    }
}
